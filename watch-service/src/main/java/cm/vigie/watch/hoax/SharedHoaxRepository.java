package cm.vigie.watch.hoax;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import cm.vigie.commons.paging.Sorting;

/**
 * The national registry: the one read across institutions, written on purpose outside the tenant filter (native
 * SQL) and limited to what owners published. Operators also reach withdrawn hoaxes, to reinstate them.
 */
@ApplicationScoped
public class SharedHoaxRepository {

    private static final String COLUMNS = "id, institution_id, verdict, debunk_url, first_seen, withdrawn_at, withdrawn_by, "
            + "withdrawal_reason, created_at, updated_at";
    private static final Map<String, String> ORDER_COLUMNS = Map.of("createdAt", "created_at", "firstSeen", "first_seen",
            "verdict", "verdict", "updatedAt", "updated_at");

    private final EntityManager em;

    SharedHoaxRepository(EntityManager em) {
        this.em = em;
    }

    public record Page(List<SharedHoaxView> items, long total) {
    }

    public Page search(Verdict verdict, boolean includeWithdrawn, Sorting sorting, int offset, int limit) {
        String where = where(verdict, includeWithdrawn);
        String order = ORDER_COLUMNS.get(sorting.property()) + (sorting.ascending() ? " ASC" : " DESC") + ", id";
        Query rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM hoax WHERE " + where + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset");
        Query count = em.createNativeQuery("SELECT count(*) FROM hoax WHERE " + where);
        if (verdict != null) {
            rows.setParameter("verdict", verdict.name());
            count.setParameter("verdict", verdict.name());
        }
        rows.setParameter("limit", limit).setParameter("offset", offset);
        return new Page(views(rows.getResultList()), ((Number) count.getSingleResult()).longValue());
    }

    public Optional<SharedHoaxView> find(UUID id, boolean includeWithdrawn) {
        Query query = em.createNativeQuery("SELECT " + COLUMNS + " FROM hoax WHERE id = :id AND " + where(null, includeWithdrawn))
                .setParameter("id", id);
        return views(query.getResultList()).stream().findFirst();
    }

    /** Marks a shared hoax withdrawn; answers whether one was (already withdrawn ones are left as they are). */
    public boolean withdraw(UUID id, String by, String reason, Instant at) {
        return em.createNativeQuery("""
                UPDATE hoax SET withdrawn_at = :at, withdrawn_by = :by, withdrawal_reason = :reason, updated_at = :at,
                version = version + 1 WHERE id = :id AND shared AND withdrawn_at IS NULL""")
                .setParameter("at", at).setParameter("by", by).setParameter("reason", reason).setParameter("id", id)
                .executeUpdate() == 1;
    }

    public boolean reinstate(UUID id, Instant at) {
        return em.createNativeQuery("""
                UPDATE hoax SET withdrawn_at = NULL, withdrawn_by = NULL, withdrawal_reason = NULL, updated_at = :at,
                version = version + 1 WHERE id = :id AND withdrawn_at IS NOT NULL""")
                .setParameter("at", at).setParameter("id", id).executeUpdate() == 1;
    }

    private static String where(Verdict verdict, boolean includeWithdrawn) {
        String where = (includeWithdrawn ? "(shared OR withdrawn_at IS NOT NULL)" : "shared AND withdrawn_at IS NULL")
                + " AND exercise_id IS NULL";
        return verdict == null ? where : where + " AND verdict = :verdict";
    }

    private List<SharedHoaxView> views(List<?> rows) {
        Map<UUID, Object[]> byId = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byId.put((UUID) columns[0], columns);
        }
        Map<UUID, List<String>> claims = claims(byId.keySet());
        List<SharedHoaxView> views = new ArrayList<>(byId.size());
        byId.forEach((id, c) -> views.add(new SharedHoaxView(id, (String) c[1], claims.getOrDefault(id, List.of()),
                Verdict.valueOf((String) c[2]), (String) c[3], instant(c[4]),
                HoaxView.Withdrawal.of(instant(c[5]), (String) c[6], (String) c[7]), instant(c[8]), instant(c[9]))));
        return views;
    }

    private Map<UUID, List<String>> claims(java.util.Collection<UUID> ids) {
        Map<UUID, List<String>> claims = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return claims;
        }
        List<?> rows = em.createNativeQuery("SELECT hoax_id, text FROM hoax_claim WHERE hoax_id IN (:ids) ORDER BY hoax_id, position")
                .setParameter("ids", ids).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            claims.computeIfAbsent((UUID) columns[0], id -> new ArrayList<>()).add((String) columns[1]);
        }
        return claims;
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
