-- The only words of a member's that Porchlight keeps, and only because they asked: the names in
-- their pod and their safety plan. Each is sealed (AES-GCM, a fresh nonce each time) with the
-- instance's secret key, so a dump of the database shows none of them. Gone with the member on
-- /forget.
CREATE TABLE pod_entries (
    member_id   BIGINT       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    ring        VARCHAR(16)  NOT NULL,
    name_sealed VARCHAR(400) NOT NULL,
    PRIMARY KEY (member_id, position)
);

CREATE TABLE safety_plan_answers (
    member_id     BIGINT        NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    section       VARCHAR(32)   NOT NULL,
    answer_sealed VARCHAR(4000) NOT NULL,
    PRIMARY KEY (member_id, section)
);

-- A known text sealed with the key the instance first ran with: a start with another key cannot
-- open it, and stops with a clear error instead of reading garbage names.
CREATE TABLE secret_key_check (
    id     INT          NOT NULL PRIMARY KEY,
    sealed VARCHAR(400) NOT NULL
);

-- Which pod entry or plan section a member's next words are for, beside what is awaited.
ALTER TABLE members ADD COLUMN awaiting_about VARCHAR(32);
