package cm.vigie.plan.audit;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

/** The content before and after an audited change, beside the commons audit row with the same id. Append-only. */
@Entity
@Immutable
@Table(name = "audit_change")
public class AuditChange {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "institution_id")
    public String institutionId;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode before;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode after;
}
