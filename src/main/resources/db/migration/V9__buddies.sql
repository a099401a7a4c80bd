-- A buddy who said yes. One-time invitations, by a random code, with the name the inviting
-- member gave (sealed, like the pod's names); links, one buddy per member and one member per
-- buddy. Gone with either side on /forget; the other side is told only that it ended.
CREATE TABLE buddy_invitations (
    code        VARCHAR(16)  NOT NULL PRIMARY KEY,
    member_id   BIGINT       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    name_sealed VARCHAR(400) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX buddy_invitations_member ON buddy_invitations (member_id);

CREATE TABLE buddies (
    member_id       BIGINT       NOT NULL PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    buddy_id        BIGINT       NOT NULL UNIQUE REFERENCES members (id) ON DELETE CASCADE,
    name_sealed     VARCHAR(400) NOT NULL,
    after_rough_run BOOLEAN      NOT NULL,
    told_on         DATE,
    since           TIMESTAMP WITH TIME ZONE NOT NULL
);
