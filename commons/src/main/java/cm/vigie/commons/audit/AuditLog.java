package cm.vigie.commons.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class AuditLog implements PanacheRepositoryBase<AuditEvent, UUID> {

    private final SecurityIdentity identity;

    AuditLog(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Records a change made by the current caller; call inside the transaction that makes the change. */
    public void record(String institutionId, String action, String targetType, UUID targetId, String from, String to,
            String reason) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.institutionId = institutionId;
        event.actor = identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        event.action = action;
        event.targetType = targetType;
        event.targetId = targetId;
        event.fromState = from;
        event.toState = to;
        event.reason = reason;
        event.at = Instant.now();
        persist(event);
    }

    public List<AuditEvent> history(String targetType, UUID targetId) {
        return list("targetType = ?1 and targetId = ?2 order by at", targetType, targetId);
    }
}
