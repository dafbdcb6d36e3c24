package cm.vigie.plan.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.commons.audit.AuditEvent;
import cm.vigie.commons.audit.AuditLog;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The audit trail of plan-service: the commons row (who, when, action, from, to, why) and, for edits, the content
 * before and after. Rows are only ever inserted; the database refuses updates and deletes (migration V2).
 */
@ApplicationScoped
public class PlanAudit {

    private final AuditLog log;
    private final EntityManager entityManager;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    PlanAudit(AuditLog log, EntityManager entityManager, SecurityIdentity identity, ObjectMapper json) {
        this.log = log;
        this.entityManager = entityManager;
        this.identity = identity;
        this.json = json;
    }

    /** Records a change by the current caller; call inside the transaction that makes it. */
    public void record(String institutionId, String action, String targetType, UUID targetId, String from, String to,
            String comment, Object before, Object after) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.institutionId = institutionId;
        event.actor = actor();
        event.action = action;
        event.targetType = targetType;
        event.targetId = targetId;
        event.fromState = from;
        event.toState = to;
        event.reason = comment == null || comment.length() <= 1000 ? comment : comment.substring(0, 1000);
        // microseconds: what PostgreSQL keeps, so that the order read back is the order written
        event.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        log.persist(event);
        if (before != null || after != null) {
            AuditChange change = new AuditChange();
            change.eventId = event.id;
            change.institutionId = institutionId;
            change.before = before == null ? null : json.valueToTree(before);
            change.after = after == null ? null : json.valueToTree(after);
            entityManager.persist(change);
        }
    }

    public String actor() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }

    /** The item's history, oldest first; the caller has already proved the item is theirs. */
    public List<HistoryEntry> history(String institutionId, String targetType, UUID targetId) {
        List<AuditEvent> events = log.list("institutionId = ?1 and targetType = ?2 and targetId = ?3 order by at, id",
                institutionId, targetType, targetId);
        List<UUID> ids = events.stream().map(e -> e.id).toList();
        Map<UUID, AuditChange> changes = ids.isEmpty() ? Map.of()
                : entityManager.createQuery("from AuditChange where eventId in :ids", AuditChange.class)
                        .setParameter("ids", ids).getResultStream()
                        .collect(Collectors.toMap(c -> c.eventId, Function.identity()));
        return events.stream().map(e -> {
            AuditChange change = changes.get(e.id);
            JsonNode before = change == null ? null : change.before;
            JsonNode after = change == null ? null : change.after;
            return new HistoryEntry(e.at, e.actor, e.action, e.fromState, e.toState, e.reason, before, after);
        }).toList();
    }
}
