-- The audit trail every service keeps (entity cm.vigie.commons.audit.AuditEvent); shared through quarkus.flyway.locations.
CREATE TABLE audit_event (
    id              uuid PRIMARY KEY,
    institution_id  varchar(63),
    actor           varchar(200) NOT NULL,
    action          varchar(64)  NOT NULL,
    target_type     varchar(64)  NOT NULL,
    target_id       uuid         NOT NULL,
    from_state      varchar(64),
    to_state        varchar(64),
    reason          varchar(1000),
    at              timestamptz  NOT NULL
);
CREATE INDEX audit_event_target_idx ON audit_event (target_type, target_id, at);
