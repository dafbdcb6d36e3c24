CREATE TABLE alert (
    id                        uuid PRIMARY KEY,
    institution_id            varchar(63)  NOT NULL,
    rule_type                 varchar(16)  NOT NULL,
    -- what the alert groups on: a watchlist id, a hoax id or an author (platform:handle)
    subject_key               varchar(300) NOT NULL,
    watchlist_id              uuid,
    hoax_id                   uuid,
    author_handle             varchar(200),
    platform                  varchar(32),
    window_start              timestamptz  NOT NULL,
    severity                  varchar(16)  NOT NULL,
    status                    varchar(16)  NOT NULL,
    title                     varchar(500) NOT NULL,
    mention_count             integer      NOT NULL,
    first_mention_published_at timestamptz,
    first_mention_ingested_at timestamptz,
    created_at                timestamptz  NOT NULL,
    updated_at                timestamptz  NOT NULL,
    acknowledged_at           timestamptz,
    acknowledged_by           varchar(200),
    resolved_at               timestamptz,
    resolved_by               varchar(200),
    resolution_note           varchar(2000),
    version                   bigint       NOT NULL
);
-- one open (not resolved) alert per rule, subject and window
CREATE UNIQUE INDEX alert_open_key ON alert (institution_id, rule_type, subject_key, window_start) WHERE status <> 'RESOLVED';
CREATE INDEX alert_institution_idx ON alert (institution_id, created_at DESC);

CREATE TABLE alert_mention (
    alert_id    uuid NOT NULL,
    mention_id  uuid NOT NULL,
    PRIMARY KEY (alert_id, mention_id)
);

-- Every alert change, in order: the SSE stream replays it from Last-Event-ID, webhooks deliver it.
CREATE TABLE alert_event (
    id              bigserial    PRIMARY KEY,
    institution_id  varchar(63)  NOT NULL,
    alert_id        uuid         NOT NULL,
    event_type      varchar(32)  NOT NULL,
    severity        varchar(16)  NOT NULL,
    payload         jsonb        NOT NULL,
    created_at      timestamptz  NOT NULL
);
CREATE INDEX alert_event_institution_idx ON alert_event (institution_id, id);

-- Authors whose impersonation check is done or still to do (accounts-service may be down).
CREATE TABLE author_check (
    institution_id  varchar(63)  NOT NULL,
    platform        varchar(32)  NOT NULL,
    handle          varchar(200) NOT NULL,
    display_name    varchar(300),
    followers       bigint,
    author_created_at timestamptz,
    status          varchar(16)  NOT NULL,
    verdict         varchar(32),
    score           double precision,
    attempts        integer      NOT NULL DEFAULT 0,
    last_mention_id uuid,
    created_at      timestamptz  NOT NULL,
    checked_at      timestamptz,
    PRIMARY KEY (institution_id, platform, handle)
);
CREATE INDEX author_check_pending_idx ON author_check (status, created_at) WHERE status = 'PENDING';
