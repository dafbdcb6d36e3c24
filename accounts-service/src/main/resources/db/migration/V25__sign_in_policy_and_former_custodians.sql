-- Sign-in policy of each institution (docs/adr/0035-sign-in-policy-and-custodians.md). Password rules and session
-- lifetimes live in the institution's Keycloak realm, which is what is in force; this row keeps what the realm cannot
-- say by itself (for whom two-factor is required), the version behind If-Match, and who changed it last.
CREATE TABLE sign_in_policy (
    institution_id    varchar(63)  PRIMARY KEY,
    two_factor        varchar(8)   NOT NULL CHECK (two_factor IN ('NONE', 'ALL', 'ROLES')),
    two_factor_roles  varchar(200) NOT NULL DEFAULT '',
    updated_at        timestamptz  NOT NULL,
    updated_by        varchar(200),
    version           bigint       NOT NULL DEFAULT 0
);

-- A custodian whose membership ended (member disabled or removed) stays listed until an admin hands the page over;
-- the security assessment turns it into a FORMER_MEMBER_STILL_CUSTODIAN finding.
ALTER TABLE official_account_custodian
    ADD COLUMN former_member_since  timestamptz,
    ADD COLUMN former_member_reason varchar(16);
