package cm.vigie.accounts.institution;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.accounts.history.History;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.quota.QuotaDefaults;
import cm.vigie.commons.tenancy.InstitutionDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Operators read and set an institution's quotas. Every service learns them from the institution directory, so a
 * change applies here at once and on the other services within the directory's refresh (15 s by default).
 */
@ApplicationScoped
public class InstitutionQuotaService {

    private final InstitutionService institutions;
    private final InstitutionRepository repository;
    private final InstitutionDirectory directory;
    private final QuotaDefaults defaults;
    private final AuditLog audit;
    private final History history;
    private final InstitutionChanges changes;

    InstitutionQuotaService(InstitutionService institutions, InstitutionRepository repository, InstitutionDirectory directory, QuotaDefaults defaults,
            AuditLog audit, History history, InstitutionChanges changes) {
        this.changes = changes;
        this.institutions = institutions;
        this.repository = repository;
        this.directory = directory;
        this.defaults = defaults;
        this.audit = audit;
        this.history = history;
    }

    /** The quotas and the version their ETag carries (the institution's). */
    public record Versioned(InstitutionQuotasView view, long version) {
    }

    public Versioned get(UUID id) {
        return versioned(institutions.get(id));
    }

    public Versioned update(UUID id, String ifMatch, QuotaSettings settings) {
        Versioned updated = QuarkusTransaction.requiringNew().call(() -> {
            Institution institution = institutions.get(id);
            ETags.requireMatch(ifMatch, institution.version);
            QuotaSettings before = QuotaOverrides.settings(institution.quotas);
            History.Diff diff = history.diff()
                    .field("watchlists", before.watchlists(), settings.watchlists())
                    .field("hoaxes", before.hoaxes(), settings.hoaxes())
                    .field("sources", before.sources(), settings.sources())
                    .field("webhooks", before.webhooks(), settings.webhooks())
                    .field("protectedPersons", before.protectedPersons(), settings.protectedPersons())
                    .field("alertStreams", before.alertStreams(), settings.alertStreams())
                    .field("alertStreamsPerUser", before.alertStreamsPerUser(), settings.alertStreamsPerUser())
                    .field("runningExercises", before.runningExercises(), settings.runningExercises());
            if (!diff.isEmpty()) {
                institution.quotas = QuotaOverrides.of(settings);
                institution.updatedAt = Instant.now();
                changes.announce();
                audit.record(institution.slug, "INSTITUTION_QUOTAS_CHANGED", InstitutionService.AUDIT_TARGET,
                        institution.id, diff.before(), diff.after(), null);
                repository.flush();
            }
            return versioned(institution);
        });
        try {
            directory.reloadNow();
        } catch (Exception e) {
            throw new IllegalStateException("Institution directory could not be reloaded", e);
        }
        return updated;
    }

    private Versioned versioned(Institution institution) {
        var defaultQuotas = defaults.quotas();
        return new Versioned(new InstitutionQuotasView(institution.id, institution.slug,
                QuotaOverrides.effective(institution.quotas, defaultQuotas), QuotaOverrides.settings(institution.quotas),
                defaultQuotas), institution.version);
    }
}
