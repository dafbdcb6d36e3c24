-- Members live in Keycloak (institution realms); accounts keeps only a version per member, for If-Match on changes
-- (ADR 0034). A member without a row is at version 0; their history is in audit_event (target_type 'MEMBER').
CREATE TABLE member_version (
    institution_id varchar(200) NOT NULL,
    member_id      varchar(64)  NOT NULL,
    version        bigint       NOT NULL,
    updated_at     timestamptz  NOT NULL,
    PRIMARY KEY (institution_id, member_id)
);
