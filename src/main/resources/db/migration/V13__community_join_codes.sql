-- The codes in a community's join links (t.me/<bot>?start=c_<code>): each names a group, not a
-- person, and is made the first time a host or the group's invitation button needs one. A group
-- may have more than one (two asked at once; a group and the supergroup it became), and every one
-- keeps working; they go with the community.
CREATE TABLE community_join_codes (
    code         VARCHAR(16) NOT NULL PRIMARY KEY,
    community_id BIGINT      NOT NULL REFERENCES communities (id) ON DELETE CASCADE
);

CREATE INDEX community_join_codes_community ON community_join_codes (community_id);
