package cm.vigie.watch.exercise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.watch.hoax.HoaxChanged;
import cm.vigie.watch.watchlist.WatchlistChanged;

/**
 * Deletes everything one exercise left in watch-service for the caller's institution, in one transaction: its
 * mentions and their matches, its alerts with their mention links, events and webhook deliveries, its hoaxes and its
 * watchlists. Every statement names the institution, so another institution's exercise with the same id is untouched.
 */
@ApplicationScoped
public class ExerciseDataService {

    static final String AUDIT_TARGET = "EXERCISE";

    private final EntityManager em;
    private final AuditLog audit;
    private final CurrentInstitution institution;
    private final Event<WatchlistChanged> watchlistChanges;
    private final Event<HoaxChanged> hoaxChanges;

    ExerciseDataService(EntityManager em, AuditLog audit, CurrentInstitution institution,
            Event<WatchlistChanged> watchlistChanges, Event<HoaxChanged> hoaxChanges) {
        this.em = em;
        this.audit = audit;
        this.institution = institution;
        this.watchlistChanges = watchlistChanges;
        this.hoaxChanges = hoaxChanges;
    }

    /** Counts of deleted rows by kind, in deletion order; all zero when the exercise left nothing. */
    @Transactional
    public Map<String, Integer> delete(UUID exerciseId) {
        String institutionId = institution.slug()
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "problem.forbidden.detail"));
        // Locks this exercise's alerts first, in id order like the alert writer, so a batch still being ingested for
        // it either commits before or waits.
        String alerts = "SELECT id FROM alert WHERE institution_id = :inst AND exercise_id = :ex";
        String mentions = "SELECT id FROM mention WHERE institution_id = :inst AND exercise_id = :ex";
        String watchlists = "SELECT id FROM watchlist WHERE institution_id = :inst AND exercise_id = :ex";
        em.createNativeQuery(alerts + " ORDER BY id FOR UPDATE").setParameter("inst", institutionId)
                .setParameter("ex", exerciseId).getResultList();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        deleted.put("webhookDeliveries", run("""
                DELETE FROM webhook_delivery WHERE institution_id = :inst
                   AND event_id IN (SELECT id FROM alert_event WHERE institution_id = :inst AND alert_id IN (%s))""".formatted(alerts),
                institutionId, exerciseId));
        deleted.put("alertEvents", run("DELETE FROM alert_event WHERE institution_id = :inst AND alert_id IN (%s)".formatted(alerts),
                institutionId, exerciseId));
        // The mention links of its alerts, and (defensively: an exercise's mentions only group under its own alerts) its
        // mentions' links under any other alert; counted in links, one per alert and mention.
        int links = count("""
                WITH removed AS (DELETE FROM alert_mention_set WHERE alert_id IN (%s) RETURNING cardinality(mention_ids) AS n)
                SELECT coalesce(sum(n), 0) FROM removed""".formatted(alerts), institutionId, exerciseId);
        links += count("""
                SELECT count(*) FROM alert_mention_set s CROSS JOIN LATERAL unnest(s.mention_ids) AS m(id)
                 WHERE m.id IN (%s)""".formatted(mentions), institutionId, exerciseId);
        run("""
                UPDATE alert_mention_set SET mention_ids = ARRAY(SELECT m FROM unnest(mention_ids) AS m WHERE m NOT IN (%s))
                 WHERE mention_ids && ARRAY(%s)""".formatted(mentions, mentions), institutionId, exerciseId);
        deleted.put("alertMentions", links);
        deleted.put("alerts", run("DELETE FROM alert WHERE institution_id = :inst AND exercise_id = :ex", institutionId, exerciseId));
        deleted.put("mentionMatches", run("""
                DELETE FROM mention_match WHERE institution_id = :inst
                   AND (exercise_id = :ex OR mention_id IN (%s) OR watchlist_id IN (%s))""".formatted(mentions, watchlists),
                institutionId, exerciseId));
        deleted.put("mentions", run("DELETE FROM mention WHERE institution_id = :inst AND exercise_id = :ex", institutionId, exerciseId));
        deleted.put("hoaxes", run("DELETE FROM hoax WHERE institution_id = :inst AND exercise_id = :ex", institutionId, exerciseId));
        deleted.put("watchlists", run("DELETE FROM watchlist WHERE institution_id = :inst AND exercise_id = :ex", institutionId,
                exerciseId));
        boolean any = deleted.values().stream().anyMatch(count -> count > 0);
        audit.record(institutionId, "EXERCISE_DATA_DELETED", AUDIT_TARGET, exerciseId, any ? "PRESENT" : "NONE", "DELETED",
                summary(deleted));
        if (deleted.get("watchlists") > 0) {
            watchlistChanges.fire(new WatchlistChanged(institutionId));
        }
        if (deleted.get("hoaxes") > 0) {
            hoaxChanges.fire(new HoaxChanged(institutionId, false));
        }
        return deleted;
    }

    private int count(String sql, String institutionId, UUID exerciseId) {
        var query = em.createNativeQuery(sql).setParameter("inst", institutionId).setParameter("ex", exerciseId);
        return ((Number) query.getSingleResult()).intValue();
    }

    private int run(String sql, String institutionId, UUID exerciseId) {
        var query = em.createNativeQuery(sql).setParameter("inst", institutionId);
        if (sql.contains(":ex")) {
            query.setParameter("ex", exerciseId);
        }
        return query.executeUpdate();
    }

    private static String summary(Map<String, Integer> deleted) {
        StringBuilder summary = new StringBuilder();
        deleted.forEach((kind, count) -> summary.append(summary.isEmpty() ? "" : ", ").append(kind).append('=').append(count));
        return summary.toString();
    }
}
