-- plan-service: communication plans, publications, response plans, approval policy, risk dates.
-- Every item is tenant-owned (institution_id). The editable part of an item is a JSON document (content),
-- so that revisions, diffs and audit snapshots treat every kind alike; the columns beside it are what lists filter on.

CREATE TABLE approval_policy (
    id                       uuid PRIMARY KEY,
    institution_id           varchar(63)  NOT NULL UNIQUE,
    approvals_needed         int          NOT NULL CHECK (approvals_needed BETWEEN 1 AND 5),
    approver_roles           jsonb        NOT NULL,
    deadline_critical_hours  int          NOT NULL,
    deadline_high_hours      int          NOT NULL,
    deadline_medium_hours    int          NOT NULL,
    deadline_low_hours       int          NOT NULL,
    escalation_minutes       int          NOT NULL,
    publication_gap_minutes  int          NOT NULL,
    updated_at               timestamptz  NOT NULL,
    version                  bigint       NOT NULL
);

CREATE TABLE communication_plan (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63)   NOT NULL,
    title           varchar(200)  NOT NULL,
    period_start    date          NOT NULL,
    period_end      date          NOT NULL,
    status          varchar(16)   NOT NULL,
    revision        int           NOT NULL,
    content         jsonb         NOT NULL,
    approvals       jsonb         NOT NULL,
    rejection       jsonb,
    created_by      varchar(200)  NOT NULL,
    last_edited_by  varchar(200)  NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL
);
CREATE INDEX communication_plan_institution_idx ON communication_plan (institution_id, status, created_at DESC);

CREATE TABLE communication_plan_revision (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63)   NOT NULL,
    plan_id         uuid          NOT NULL REFERENCES communication_plan (id),
    number          int           NOT NULL,
    content         jsonb         NOT NULL,
    status          varchar(16)   NOT NULL,
    approvals       jsonb         NOT NULL,
    edited_by       varchar(200)  NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL,
    CONSTRAINT communication_plan_revision_number_key UNIQUE (plan_id, number)
);

CREATE TABLE publication (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63)   NOT NULL,
    channel_id      uuid          NOT NULL,
    planned_at      timestamptz   NOT NULL,
    time_zone       varchar(64)   NOT NULL,
    plan_id         uuid,
    status          varchar(16)   NOT NULL,
    published_url   varchar(1000),
    content         jsonb         NOT NULL,
    approvals       jsonb         NOT NULL,
    rejection       jsonb,
    created_by      varchar(200)  NOT NULL,
    last_edited_by  varchar(200)  NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL
);
CREATE INDEX publication_calendar_idx ON publication (institution_id, planned_at);
CREATE INDEX publication_channel_idx ON publication (institution_id, channel_id, planned_at);

CREATE TABLE response_plan (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63)   NOT NULL,
    title           varchar(200)  NOT NULL,
    alert_id        uuid,
    hoax_id         uuid,
    watchlist_id    uuid,
    source_verified boolean       NOT NULL,
    severity        varchar(16)   NOT NULL,
    deadline        timestamptz   NOT NULL,
    fast_track      boolean       NOT NULL,
    escalated_at    timestamptz,
    status          varchar(16)   NOT NULL,
    content         jsonb         NOT NULL,
    outcome         jsonb,
    approvals       jsonb         NOT NULL,
    rejection       jsonb,
    submitted_at    timestamptz,
    published_at    timestamptz,
    closed_at       timestamptz,
    created_by      varchar(200)  NOT NULL,
    last_edited_by  varchar(200)  NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL,
    CONSTRAINT response_plan_source_check CHECK (alert_id IS NOT NULL OR hoax_id IS NOT NULL)
);
CREATE INDEX response_plan_institution_idx ON response_plan (institution_id, status, created_at DESC);
CREATE INDEX response_plan_escalation_idx ON response_plan (institution_id, fast_track, status, created_at);

CREATE TABLE risk_date (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63)   NOT NULL,
    name            varchar(200)  NOT NULL,
    kind            varchar(32)   NOT NULL,
    starts_on       date          NOT NULL,
    ends_on         date          NOT NULL,
    yearly          boolean       NOT NULL,
    notes           varchar(2000),
    created_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL
);
CREATE INDEX risk_date_institution_idx ON risk_date (institution_id, starts_on);

-- What an edit changed: the item's content before and after, beside the commons audit row of the same id.
CREATE TABLE audit_change (
    event_id        uuid PRIMARY KEY REFERENCES audit_event (id),
    institution_id  varchar(63)   NOT NULL,
    before          jsonb,
    after           jsonb
);
