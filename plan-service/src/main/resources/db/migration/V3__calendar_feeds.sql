-- Secret calendar subscription links: calendar programs cannot send a bearer token, so the link itself is the
-- credential. Only its SHA-256 is stored; the link is shown once, at creation.
CREATE TABLE calendar_feed (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63)   NOT NULL,
    owner           varchar(200)  NOT NULL,
    token_hash      varchar(64)   NOT NULL UNIQUE,
    channel_id      uuid,
    created_at      timestamptz   NOT NULL,
    revoked_at      timestamptz,
    version         bigint        NOT NULL
);
CREATE INDEX calendar_feed_owner_idx ON calendar_feed (institution_id, owner);
