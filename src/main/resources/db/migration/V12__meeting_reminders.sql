-- Reminders before a member's home group meets, only for members who asked for them (/group remind
-- on, or the button after a rough day): whether they are on, how many minutes before, whether they
-- may come in quiet hours, and that the button was offered (it is offered once). next_look_at is
-- when the sweep next looks at the member, empty while reminders are off. Gone with the member on
-- /forget.
CREATE TABLE meeting_reminder_choices (
    member_id      BIGINT  NOT NULL PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    reminding      BOOLEAN NOT NULL,
    minutes_before INT     NOT NULL,
    in_quiet_hours BOOLEAN NOT NULL,
    offered        BOOLEAN NOT NULL,
    next_look_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX meeting_reminder_choices_next_look_at ON meeting_reminder_choices (next_look_at);

-- Each reminder sent: to which member, for which community's meeting starting when. The key lets
-- one reminder through per meeting and member however many instances sweep; it is written in the
-- same transaction as the outbox row. went_out is set when the letter is put into words to go (not
-- for one dropped on the way: the member paused, or it was held up until the meeting began).
-- Hosts' /summary counts a week of those; rows are deleted two weeks after they were sent.
CREATE TABLE meeting_reminders (
    member_id    BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    meeting_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    community_id BIGINT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    went_out     BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (member_id, meeting_at)
);

CREATE INDEX meeting_reminders_community_sent_at ON meeting_reminders (community_id, sent_at);
CREATE INDEX meeting_reminders_sent_at ON meeting_reminders (sent_at);
