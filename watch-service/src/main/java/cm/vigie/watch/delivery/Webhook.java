package cm.vigie.watch.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import cm.vigie.watch.alert.Severity;

/** Where an institution wants its alert events POSTed, signed with its secret. */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    public String url;
    public String secret;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types")
    public List<String> eventTypes;

    @Enumerated(EnumType.STRING)
    @Column(name = "min_severity")
    public Severity minSeverity;

    public boolean active;

    /** An exercise destination: it receives exercise alerts only; a real webhook receives real alerts only. */
    public boolean exercise;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
