package cm.vigie.accounts.institution;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cm.vigie.accounts.history.History;
import cm.vigie.accounts.history.HistoryEntry;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.commons.tenancy.InstitutionStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

@ApplicationScoped
public class InstitutionService {

    static final String AUDIT_TARGET = "INSTITUTION";
    private static final Map<String, String> SORTABLE = Map.of("slug", "slug", "createdAt", "createdAt", "nameFr",
            "nameFr", "nameEn", "nameEn");
    private static final Sorting DEFAULT_SORT = new Sorting("slug", true);

    private final InstitutionRepository institutions;
    private final InstitutionDirectory directory;
    private final AuditLog audit;
    private final History history;

    InstitutionService(InstitutionRepository institutions, InstitutionDirectory directory, AuditLog audit, History history) {
        this.institutions = institutions;
        this.directory = directory;
        this.audit = audit;
        this.history = history;
    }

    /** Thrown when the slug is taken; carries the existing institution so the answer can point at it. */
    public static final class SlugTaken extends ProblemException {
        private final transient Institution existing;

        SlugTaken(Institution existing) {
            super(cm.vigie.commons.problem.ProblemType.CONFLICT, "institution.slug-taken", existing.slug);
            this.existing = existing;
        }

        public Institution existing() {
            return existing;
        }
    }

    /** Registers an institution; its tokens are accepted as soon as this returns. */
    public Institution register(InstitutionRequest request) {
        Institution institution = QuarkusTransaction.requiringNew().call(() -> insert(request));
        reloadDirectory();
        return institution;
    }

    private Institution insert(InstitutionRequest request) {
        institutions.findBySlug(request.slug()).ifPresent(existing -> {
            throw new SlugTaken(existing);
        });
        Institution institution = new Institution();
        institution.id = UUID.randomUUID();
        institution.slug = request.slug();
        institution.nameFr = request.nameFr().strip();
        institution.nameEn = request.nameEn().strip();
        institution.type = request.type();
        institution.emailDomain = domain(request.emailDomain());
        institution.status = InstitutionStatus.ACTIVE;
        institution.createdAt = Instant.now();
        institution.updatedAt = institution.createdAt;
        institutions.persistAndFlush(institution);
        audit.record(institution.slug, "INSTITUTION_REGISTERED", AUDIT_TARGET, institution.id, null,
                institution.status.name(), null);
        return institution;
    }

    public Institution get(UUID id) {
        return institutions.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("institution.not-found"));
    }

    public PageResponse<HistoryEntry> history(UUID id, PageRequest page) {
        return history.page(AUDIT_TARGET, get(id).id, page);
    }

    public PageResponse<Institution> list(PageRequest page) {
        var query = institutions.listSorted(Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT)).page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    @Transactional
    public Institution update(UUID id, String ifMatch, InstitutionUpdate update) {
        Institution institution = get(id);
        ETags.requireMatch(ifMatch, institution.version);
        History.Diff diff = history.diff().field("nameFr", institution.nameFr, update.nameFr().strip())
                .field("nameEn", institution.nameEn, update.nameEn().strip()).field("type", institution.type, update.type())
                .field("emailDomain", institution.emailDomain, domain(update.emailDomain()));
        if (!diff.isEmpty()) {
            audit.record(institution.slug, "INSTITUTION_UPDATED", AUDIT_TARGET, institution.id, diff.before(), diff.after(), null);
        }
        institution.nameFr = update.nameFr().strip();
        institution.nameEn = update.nameEn().strip();
        institution.type = update.type();
        institution.emailDomain = domain(update.emailDomain());
        institution.updatedAt = Instant.now();
        institutions.flush();
        return institution;
    }

    /** Suspends or reactivates; the change applies to this service's next request and to others within a minute. */
    public Institution changeStatus(UUID id, InstitutionStatus target, String reason) {
        Institution institution = QuarkusTransaction.requiringNew().call(() -> applyStatus(id, target, reason));
        reloadDirectory();
        return institution;
    }

    private Institution applyStatus(UUID id, InstitutionStatus target, String reason) {
        Institution institution = get(id);
        InstitutionStatus from = institution.status;
        if (from != target) {
            institution.status = target;
            institution.updatedAt = Instant.now();
            institutions.flush();
            audit.record(institution.slug, target == InstitutionStatus.SUSPENDED ? "INSTITUTION_SUSPENDED"
                    : "INSTITUTION_REACTIVATED", AUDIT_TARGET, institution.id, from.name(), target.name(), reason);
        }
        return institution;
    }

    private static String domain(String domain) {
        return domain == null || domain.isBlank() ? null : domain.strip();
    }

    private void reloadDirectory() {
        try {
            directory.reloadNow();
        } catch (Exception e) {
            throw new IllegalStateException("Institution directory could not be reloaded", e);
        }
    }
}
