CREATE TABLE watchlist (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63)   NOT NULL,
    name            varchar(200)  NOT NULL,
    query           varchar(4000) NOT NULL,
    languages       jsonb         NOT NULL,
    platforms       jsonb         NOT NULL,
    severity        varchar(16)   NOT NULL,
    active          boolean       NOT NULL,
    alert_rules     jsonb         NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL,
    CONSTRAINT watchlist_name_key UNIQUE (institution_id, name)
);
CREATE INDEX watchlist_institution_idx ON watchlist (institution_id, created_at DESC);
