package cm.vigie.accounts.official.verification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.accounts.official.OfficialAccountService;
import cm.vigie.accounts.official.Platform;
import cm.vigie.accounts.official.Verification;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The platform operators' queue of claims no connector could settle. Operators belong to no institution, so the
 * tenant filter would hide every claim: this is one of the few reads and writes across institutions, in native SQL,
 * behind {@code platform-admin} only. Each decision is audited on the account, so the institution sees it in the
 * account's history (who, when, why).
 */
@ApplicationScoped
public class VerificationQueue {

    private static final String SELECT = """
            select v.id, v.state, v.institution_id, i.name_fr, i.name_en, a.id, a.platform, a.handle, a.display_name, a.url,
                   v.code, v.code_expires_at, v.evidence_url, v.submitted_at, v.submitted_by, v.check_outcome,
                   cast(v.resembles as text), v.decided_at, v.decided_by, v.decision_reason
            from official_account_verification v
            join official_account a on a.id = v.account_id
            left join institution i on i.slug = v.institution_id
            """;

    private final EntityManager entityManager;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final SecurityIdentity identity;

    VerificationQueue(EntityManager entityManager, AuditLog audit, ObjectMapper json, SecurityIdentity identity) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.json = json;
        this.identity = identity;
    }

    /** Claims in this state (QUEUED by default), oldest submission first. */
    @Transactional
    public PageResponse<QueueItem> list(ClaimState state, PageRequest page) {
        ClaimState wanted = state == null ? ClaimState.QUEUED : state;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(SELECT
                + " where v.state = ?1 order by v.submitted_at nulls last, v.code_issued_at, v.id")
                .setParameter(1, wanted.name()).setFirstResult(page.offset()).setMaxResults(page.size).getResultList();
        long total = ((Number) entityManager.createNativeQuery(
                "select count(*) from official_account_verification where state = ?1").setParameter(1, wanted.name())
                .getSingleResult()).longValue();
        List<QueueItem> items = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            items.add(item(row));
        }
        return new PageResponse<>(items, page.page, page.size, total);
    }

    @Transactional
    public QueueItem approve(UUID id, String reason) {
        return decide(id, ClaimState.VERIFIED, Verification.VERIFIED, "OFFICIAL_ACCOUNT_VERIFIED", reason);
    }

    @Transactional
    public QueueItem reject(UUID id, String reason) {
        return decide(id, ClaimState.REJECTED, Verification.REJECTED, "OFFICIAL_ACCOUNT_VERIFICATION_REJECTED", reason);
    }

    private QueueItem decide(UUID id, ClaimState to, Verification verification, String action, String reason) {
        QueueItem item = find(id);
        String why = reason.strip();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Conditional on the state, so that two operators, or an operator and a custodian asking for a new code,
        // cannot both win.
        int changed = entityManager.createNativeQuery("""
                update official_account_verification set state = ?1, decided_at = ?2, decided_by = ?3,
                       decision_reason = ?4, version = version + 1
                where id = ?5 and state = 'QUEUED'""")
                .setParameter(1, to.name()).setParameter(2, now).setParameter(3, actor()).setParameter(4, why)
                .setParameter(5, id).executeUpdate();
        if (changed == 0) {
            throw ProblemException.invalidTransition("verification.not-queued", item.state());
        }
        entityManager.createNativeQuery("update official_account set verification = ?1, updated_at = ?2, version = version + 1, "
                + (verification == Verification.VERIFIED ? "verified_at = ?2" : "verified_at = null") + " where id = ?3")
                .setParameter(1, verification.name()).setParameter(2, now).setParameter(3, item.account().id())
                .executeUpdate();
        audit.record(item.institution().slug(), action, OfficialAccountService.AUDIT_TARGET, item.account().id(),
                Verification.PENDING_VERIFICATION.name(), verification.name(), why);
        return find(id);
    }

    private QueueItem find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(SELECT + " where v.id = ?1").setParameter(1, id)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("verification.not-found");
        }
        return item(rows.get(0));
    }

    private QueueItem item(Object[] r) {
        return new QueueItem((UUID) r[0], ClaimState.valueOf((String) r[1]),
                new QueueItem.InstitutionRef((String) r[2], (String) r[3], (String) r[4]),
                new QueueItem.AccountRef((UUID) r[5], Platform.valueOf((String) r[6]), (String) r[7], (String) r[8],
                        (String) r[9]),
                (String) r[10], instant(r[11]), (String) r[12], instant(r[13]), (String) r[14],
                r[15] == null ? null : CheckOutcome.valueOf((String) r[15]), resembles((String) r[16]), instant(r[17]),
                (String) r[18], (String) r[19]);
    }

    private List<Resembled> resembles(String text) {
        try {
            return text == null ? List.of()
                    : json.readValue(text, json.getTypeFactory().constructCollectionType(List.class, Resembled.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable resembles of a verification claim", e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.parse(value.toString());
    }

    private String actor() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }
}
