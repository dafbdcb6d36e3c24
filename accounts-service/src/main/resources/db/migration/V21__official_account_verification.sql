-- Official accounts are proven before the public check vouches for them (docs/adr/0025-official-account-verification.md).
-- Accounts registered before this migration were vouched for already: they stay verified, dated from their creation.
ALTER TABLE official_account ADD COLUMN verification varchar(32) NOT NULL DEFAULT 'VERIFIED';
ALTER TABLE official_account ALTER COLUMN verification DROP DEFAULT;
ALTER TABLE official_account ADD COLUMN verified_at timestamptz;
UPDATE official_account SET verified_at = created_at;
CREATE INDEX official_account_verified_idx ON official_account (platform, handle) WHERE verification = 'VERIFIED';

-- The current claim of ownership of one account: one per account, a new code replaces the previous one.
CREATE TABLE official_account_verification (
    id                 uuid PRIMARY KEY,
    institution_id     varchar(63)   NOT NULL,
    account_id         uuid          NOT NULL UNIQUE REFERENCES official_account (id) ON DELETE CASCADE,
    state              varchar(32)   NOT NULL,
    code               varchar(64)   NOT NULL,
    code_issued_at     timestamptz   NOT NULL,
    code_expires_at    timestamptz   NOT NULL,
    code_issued_by     varchar(200)  NOT NULL,
    evidence_url       varchar(500),
    submitted_at       timestamptz,
    submitted_by       varchar(200),
    check_outcome      varchar(32),
    resembles          jsonb         NOT NULL DEFAULT '[]',
    decided_at         timestamptz,
    decided_by         varchar(200),
    decision_reason    varchar(1000),
    version            bigint        NOT NULL
);
CREATE INDEX official_account_verification_queue_idx ON official_account_verification (state, submitted_at);
