package cm.vigie.accounts.impersonation;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;

/** The caller's institution's threshold and default SLA, with the configured defaults when it chose none. */
@ApplicationScoped
public class ImpersonationSettingsService {

    public static final String AUDIT_TARGET = "IMPERSONATION_SETTINGS";

    /** A settings value and its version as the API shows it (0 for the defaults, so the first PUT carries "0"). */
    public record Current(double threshold, int defaultSlaDays, boolean defaults, long etagVersion) {

        public ImpersonationSettingsView view() {
            return new ImpersonationSettingsView(threshold, defaultSlaDays, defaults);
        }
    }

    private final EntityManager entityManager;
    private final CurrentInstitution institution;
    private final ImpersonationConfig config;
    private final AuditLog audit;

    ImpersonationSettingsService(EntityManager entityManager, CurrentInstitution institution, ImpersonationConfig config,
            AuditLog audit) {
        this.entityManager = entityManager;
        this.institution = institution;
        this.config = config;
        this.audit = audit;
    }

    public Current current() {
        ImpersonationSettings row = entityManager.find(ImpersonationSettings.class, slug());
        return row == null ? new Current(config.defaultThreshold(), config.defaultSlaDays(), true, 0)
                : new Current(row.threshold, row.defaultSlaDays, false, row.version + 1);
    }

    @Transactional
    public Current update(String ifMatch, ImpersonationSettingsRequest request) {
        String slug = slug();
        ImpersonationSettings row = entityManager.find(ImpersonationSettings.class, slug);
        Current before = current();
        ETags.requireMatch(ifMatch, before.etagVersion());
        if (row == null) {
            row = new ImpersonationSettings();
            row.institutionId = slug;
            row.threshold = request.threshold();
            row.defaultSlaDays = request.defaultSlaDays();
            row.updatedAt = Instant.now();
            entityManager.persist(row);
        } else {
            row.threshold = request.threshold();
            row.defaultSlaDays = request.defaultSlaDays();
            row.updatedAt = Instant.now();
        }
        entityManager.flush();
        audit.record(slug, "IMPERSONATION_SETTINGS_UPDATED", AUDIT_TARGET, SettingsIds.of(slug),
                describe(before.threshold(), before.defaultSlaDays()), describe(row.threshold, row.defaultSlaDays), null);
        return new Current(row.threshold, row.defaultSlaDays, false, row.version + 1);
    }

    /** The institution's settings changes, oldest first. */
    public java.util.List<cm.vigie.accounts.person.ChangeRecord> history() {
        return audit.history(AUDIT_TARGET, SettingsIds.of(slug())).stream().map(cm.vigie.accounts.person.ChangeRecord::of).toList();
    }

    private static String describe(double threshold, int slaDays) {
        return "threshold=" + threshold + ",sla=" + slaDays;
    }

    private String slug() {
        return institution.slug().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "problem.forbidden.detail"));
    }
}
