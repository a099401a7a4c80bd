-- The event a platform shows for each of a community's weekly meetings (a Discord server's
-- Events), so that the next setup changes or removes that event instead of adding another: the
-- platform's id for it, the meeting as it was when the event was last written (the day's first
-- three letters, the time in the community's zone), and when the occurrence it shows starts and
-- ends. Nothing here is about a person.
CREATE TABLE meeting_events (
    community_id  BIGINT       NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    event_id      VARCHAR(64)  NOT NULL,
    meeting_day   CHAR(3)      NOT NULL,
    meeting_time  TIME         NOT NULL,
    meeting_name  VARCHAR(60)  NOT NULL,
    meeting_where VARCHAR(200) NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (community_id, event_id)
);
