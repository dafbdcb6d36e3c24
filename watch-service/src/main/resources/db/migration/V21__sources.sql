-- Where an institution's mentions are collected from: feeds polled on a schedule, pages that push webhooks.
CREATE TABLE source (
    id                     uuid PRIMARY KEY,
    institution_id         varchar(63)   NOT NULL,
    type                   varchar(32)   NOT NULL,
    name                   varchar(200)  NOT NULL,
    url                    varchar(2000),
    account                varchar(200),
    verify_token           varchar(200),
    secret                 varchar(500),
    poll_interval_minutes  integer       NOT NULL,
    active                 boolean       NOT NULL,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL,
    version                bigint        NOT NULL
);
CREATE INDEX source_institution_idx ON source (institution_id, created_at DESC);

-- What collection did last: written by the poller and the webhooks, never by users (so no version clash with edits).
CREATE TABLE source_status (
    source_id             uuid PRIMARY KEY REFERENCES source (id) ON DELETE CASCADE,
    next_poll_at          timestamptz,
    last_polled_at        timestamptz,
    last_success_at       timestamptz,
    last_error_at         timestamptz,
    last_error            varchar(1000),
    consecutive_failures  integer      NOT NULL DEFAULT 0,
    items_collected       bigint       NOT NULL DEFAULT 0,
    etag                  varchar(500),
    last_modified         varchar(100),
    cursor                varchar(2000)
);
CREATE INDEX source_status_due_idx ON source_status (next_poll_at);
