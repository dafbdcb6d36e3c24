package cm.vigie.commons.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One state change that matters: who, when, on what, from, to, why. Append-only. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    public UUID id;

    @Column(name = "institution_id")
    public String institutionId;

    public String actor;
    public String action;

    @Column(name = "target_type")
    public String targetType;

    @Column(name = "target_id")
    public UUID targetId;

    @Column(name = "from_state")
    public String fromState;

    @Column(name = "to_state")
    public String toState;

    public String reason;
    public Instant at;
}
