-- Official accounts: why the status last changed
ALTER TABLE official_account ADD COLUMN status_reason varchar(1000);

-- The people who hold an official account's keys (tenant-owned like the account)
CREATE TABLE official_account_custodian (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63)  NOT NULL,
    account_id      uuid         NOT NULL REFERENCES official_account (id) ON DELETE CASCADE,
    user_name       varchar(200) NOT NULL,
    role            varchar(16)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    CONSTRAINT official_account_custodian_user_key UNIQUE (account_id, user_name)
);
CREATE INDEX official_account_custodian_institution_idx ON official_account_custodian (institution_id, account_id);

-- The declared security posture of each official account (one row per account once declared)
CREATE TABLE official_account_security (
    account_id              uuid PRIMARY KEY REFERENCES official_account (id) ON DELETE CASCADE,
    institution_id          varchar(63)  NOT NULL,
    two_factor_enabled      boolean      NOT NULL,
    recovery_email          varchar(320),
    credentials_rotated_on  date,
    admin_count             integer      NOT NULL,
    backup_admin_present    boolean      NOT NULL,
    last_review_on          date,
    updated_at              timestamptz  NOT NULL,
    updated_by              varchar(200) NOT NULL,
    version                 bigint       NOT NULL
);
CREATE INDEX official_account_security_institution_idx ON official_account_security (institution_id);

-- The e-mail domain of an institution: a recovery address elsewhere is a personal one
ALTER TABLE institution ADD COLUMN email_domain varchar(253);

-- History keeps before and after of field changes, not only state names
ALTER TABLE audit_event ALTER COLUMN from_state TYPE varchar(4000);
ALTER TABLE audit_event ALTER COLUMN to_state TYPE varchar(4000);
