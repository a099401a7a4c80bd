-- The weekly reach-out: whether it is on, its day, and where it stands. No row means the defaults:
-- on, on the first of the member's check-in days, with follow-ups. No names: the entry chosen is
-- kept by its position in the pod and a short check of its name. Gone with the member on /forget.
CREATE TABLE reach_outs (
    member_id       BIGINT     NOT NULL PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    weekly          BOOLEAN    NOT NULL,
    weekday         VARCHAR(3),
    follow_ups      BOOLEAN    NOT NULL,
    asked_on        DATE,
    picked_position INT,
    picked_check    VARCHAR(8),
    follow_up_on    DATE
);

-- Answers to it, counted in /mydata as check-ins are: a day and what was answered, never a name.
CREATE TABLE reach_out_answers (
    member_id  BIGINT      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    local_date DATE        NOT NULL,
    answer     VARCHAR(16) NOT NULL,
    PRIMARY KEY (member_id, local_date, answer)
);
