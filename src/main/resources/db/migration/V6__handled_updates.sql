-- Telegram updates taken through the webhook, which several instances can serve and Telegram may
-- post more than once: each is claimed before it is handled, so it is handled once. claim holds
-- the token of the instance handling it (null once given back); a claim older than a few minutes
-- was left by an instance that stopped, and may be taken over. Rows go after a day: Telegram keeps
-- an update no longer than that, so no retry can come later.
CREATE TABLE handled_updates (
    source     VARCHAR(32)              NOT NULL,
    update_id  BIGINT                   NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claim      VARCHAR(36),
    failures   INT                      NOT NULL DEFAULT 0,
    handled_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (source, update_id)
);

CREATE INDEX handled_updates_claimed_at ON handled_updates (claimed_at);
