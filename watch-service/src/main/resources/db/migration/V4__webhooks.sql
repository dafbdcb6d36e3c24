CREATE TABLE webhook (
    id                    uuid PRIMARY KEY,
    institution_id        varchar(63)   NOT NULL,
    url                   varchar(2000) NOT NULL,
    secret                varchar(200)  NOT NULL,
    event_types           jsonb         NOT NULL,
    min_severity          varchar(16)   NOT NULL,
    active                boolean       NOT NULL,
    consecutive_failures  integer       NOT NULL,
    disabled_reason       varchar(500),
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    version               bigint        NOT NULL
);
CREATE INDEX webhook_institution_idx ON webhook (institution_id);

-- The delivery log, and the queue of deliveries still to attempt.
CREATE TABLE webhook_delivery (
    id               uuid PRIMARY KEY,
    institution_id   varchar(63)  NOT NULL,
    webhook_id       uuid         NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id         bigint       NOT NULL,
    event_type       varchar(32)  NOT NULL,
    payload          jsonb        NOT NULL,
    status           varchar(16)  NOT NULL,
    attempts         integer      NOT NULL,
    next_attempt_at  timestamptz  NOT NULL,
    last_status_code integer,
    last_error       varchar(500),
    created_at       timestamptz  NOT NULL,
    delivered_at     timestamptz
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook_id, created_at DESC);
