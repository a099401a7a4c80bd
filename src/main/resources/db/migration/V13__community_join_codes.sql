-- The code in a community's join link (t.me/<bot>?start=c_<code>): it names the group, not a
-- person, and is made the first time a host or the group's invitation button needs it.
ALTER TABLE communities ADD COLUMN join_code VARCHAR(16);
CREATE UNIQUE INDEX communities_join_code ON communities (join_code);
