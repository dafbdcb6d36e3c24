-- Officials whose identity is abused; lists are small and always read with their person, hence jsonb.
CREATE TABLE protected_person (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63)  NOT NULL,
    full_name       varchar(200) NOT NULL,
    aliases         jsonb        NOT NULL,
    titles          jsonb        NOT NULL,
    handles         jsonb        NOT NULL,
    photo_hashes    jsonb        NOT NULL,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL
);
CREATE INDEX protected_person_institution_idx ON protected_person (institution_id, full_name);

-- Per-institution impersonation settings; absent row means the defaults.
CREATE TABLE impersonation_settings (
    institution_id    varchar(63)  PRIMARY KEY,
    threshold         double precision NOT NULL,
    default_sla_days  integer      NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL
);

-- A suspect account and its takedown case: one per (institution, platform, handle).
CREATE TABLE suspect_account (
    id                 uuid PRIMARY KEY,
    institution_id     varchar(63)  NOT NULL,
    platform           varchar(32)  NOT NULL,
    handle             varchar(200) NOT NULL,
    display_name       varchar(200),
    profile_url        varchar(500),
    person_id          uuid,
    official_account_id uuid,
    score              double precision,
    verdict            varchar(32),
    status             varchar(32)  NOT NULL,
    report_reference   varchar(200),
    reported_at        timestamptz,
    sla_days           integer      NOT NULL,
    due_at             timestamptz,
    outcome            varchar(1000),
    closed_at          timestamptz,
    last_scored_at     timestamptz,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL,
    CONSTRAINT suspect_account_handle_key UNIQUE (institution_id, platform, handle)
);
CREATE INDEX suspect_account_status_idx ON suspect_account (institution_id, status, created_at DESC);
CREATE INDEX suspect_account_person_idx ON suspect_account (institution_id, person_id);
CREATE INDEX suspect_account_due_idx ON suspect_account (institution_id, due_at) WHERE status = 'REPORTED';

-- Evidence of a case: append-only.
CREATE TABLE suspect_evidence (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63)   NOT NULL,
    suspect_id      uuid          NOT NULL REFERENCES suspect_account (id) ON DELETE CASCADE,
    url             varchar(1000) NOT NULL,
    sha256          varchar(64)   NOT NULL,
    note            varchar(2000),
    captured_at     timestamptz   NOT NULL,
    captured_by     varchar(200)  NOT NULL,
    added_at        timestamptz   NOT NULL
);
CREATE INDEX suspect_evidence_suspect_idx ON suspect_evidence (suspect_id, captured_at);
