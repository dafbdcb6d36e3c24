package cm.vigie.plan.response;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cm.vigie.plan.workflow.PolicySettings;
import io.quarkus.scheduler.Scheduled;

/**
 * Flags CRITICAL response plans not approved within their institution's escalation delay, for every institution
 * at once. One SQL statement (tenant-wide on purpose: this job has no caller) flags them, bumps their version so a
 * concurrent edit cannot undo the flag, and writes their audit rows.
 */
@ApplicationScoped
public class EscalationJob {

    private static final Logger LOG = Logger.getLogger(EscalationJob.class);
    private static final String ESCALATE = """
            WITH escalated AS (
                UPDATE response_plan r SET escalated_at = :now, version = r.version + 1
                WHERE r.fast_track AND r.status IN ('DRAFT', 'IN_REVIEW') AND r.escalated_at IS NULL
                  AND r.created_at < CAST(:now AS timestamptz) - make_interval(mins => COALESCE(
                      (SELECT p.escalation_minutes FROM approval_policy p WHERE p.institution_id = r.institution_id), :defaultMinutes))
                RETURNING r.id, r.institution_id, r.status)
            INSERT INTO audit_event (id, institution_id, actor, action, target_type, target_id, from_state, to_state, reason, at)
            SELECT gen_random_uuid(), e.institution_id, 'system', 'ESCALATED', 'RESPONSE_PLAN', e.id, e.status, e.status,
                   'not approved within the escalation delay', :now
            FROM escalated e""";

    private final EntityManager entityManager;
    private final PolicySettings defaults;

    EscalationJob(EntityManager entityManager, PolicySettings defaults) {
        this.entityManager = entityManager;
        this.defaults = defaults;
    }

    @Scheduled(every = "${vigie.plan.response.escalation-check:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        escalate(Instant.now());
    }

    /** Flags what is overdue at {@code now}; answers how many plans were escalated. */
    @Transactional
    public int escalate(Instant now) {
        int count = entityManager.createNativeQuery(ESCALATE)
                .setParameter("now", now)
                .setParameter("defaultMinutes", defaults.escalationMinutes())
                .executeUpdate();
        if (count > 0) {
            LOG.infof("Escalated %d CRITICAL response plans not approved in time", count);
        }
        return count;
    }
}
