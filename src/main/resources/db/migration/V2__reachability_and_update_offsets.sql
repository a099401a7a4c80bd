-- When a member blocked Porchlight (or their messages are closed): nothing is sent until they return.
ALTER TABLE members ADD COLUMN unreachable_since TIMESTAMP WITH TIME ZONE;

-- How far each source of updates (Telegram's update ids) has been handled, across restarts.
CREATE TABLE update_offsets (
    source         VARCHAR(32) PRIMARY KEY,
    last_update_id BIGINT      NOT NULL
);
