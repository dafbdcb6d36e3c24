package cm.vigie.accounts.institution;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cm.vigie.accounts.history.History;
import cm.vigie.accounts.history.HistoryEntry;
import cm.vigie.accounts.keycloak.KeycloakAdminException;
import cm.vigie.accounts.keycloak.KeycloakRealms;
import cm.vigie.accounts.keycloak.TemporaryPasswords;
import cm.vigie.accounts.keycloak.NewRealm;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.problem.ProblemCode;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.commons.tenancy.InstitutionStatus;
import cm.vigie.commons.tenancy.KeycloakSettings;
import cm.vigie.commons.tenancy.ReservedSlugs;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The registry of institutions and their onboarding. A registry row and its Keycloak realm are made together or not
 * at all: the realm is created inside the transaction that inserts the row, so a refused realm rolls the row back, and
 * a row that cannot be committed has its new realm removed (see docs/adr/0009-institution-onboarding.md).
 */
@ApplicationScoped
public class InstitutionService {

    private static final Logger LOG = Logger.getLogger(InstitutionService.class);
    static final String AUDIT_TARGET = "INSTITUTION";
    private static final Map<String, String> SORTABLE = Map.of("slug", "slug", "createdAt", "createdAt", "nameFr",
            "nameFr", "nameEn", "nameEn");
    private static final Sorting DEFAULT_SORT = new Sorting("slug", true);

    private final InstitutionRepository institutions;
    private final InstitutionDirectory directory;
    private final AuditLog audit;
    private final History history;
    private final KeycloakRealms realms;
    private final KeycloakSettings keycloak;
    private final InstitutionChanges changes;
    private final OrphanRealms orphans;

    InstitutionService(InstitutionRepository institutions, InstitutionDirectory directory, AuditLog audit, History history,
            KeycloakRealms realms, KeycloakSettings keycloak, InstitutionChanges changes, OrphanRealms orphans) {
        this.keycloak = keycloak;
        this.changes = changes;
        this.orphans = orphans;
        this.institutions = institutions;
        this.directory = directory;
        this.audit = audit;
        this.history = history;
        this.realms = realms;
    }

    /** Thrown when the slug is taken; carries the existing institution so the answer can point at it. */
    public static final class SlugTaken extends ProblemException {
        private final transient Institution existing;

        SlugTaken(Institution existing) {
            super(ProblemType.CONFLICT, ProblemCode.DUPLICATE, "institution.slug-taken", existing.slug);
            this.existing = existing;
        }

        public Institution existing() {
            return existing;
        }
    }

    /** The institution, and its first admin's one-time password when a realm was created. */
    public record Onboarded(Institution institution, FirstAdminView firstAdmin) {
    }

    /**
     * Onboards an institution: creates its realm from the template (or checks that the adopted one exists) and
     * registers it; its tokens are accepted as soon as this returns. The same slug twice answers 409; a reserved slug
     * answers 400 before anything is asked of Keycloak, whether the realm is to be created or adopted.
     */
    public Onboarded register(InstitutionRequest request) {
        if (ReservedSlugs.isReserved(request.slug(), keycloak.platformRealm())) {
            throw ProblemException.invalid("slug", "institution.slug-reserved");
        }
        institutions.findBySlug(request.slug()).ifPresent(existing -> {
            throw new SlugTaken(existing);
        });
        if (!request.adopts() && request.firstAdmin() == null) {
            throw ProblemException.invalid("firstAdmin", "institution.first-admin-required");
        }
        String password = request.adopts() ? null : TemporaryPasswords.generate();
        AtomicBoolean realmCreated = new AtomicBoolean();
        Institution institution;
        try {
            institution = QuarkusTransaction.requiringNew().call(() -> {
                institutions.lockSlug(request.slug());
                Institution inserted = insert(request);
                if (request.adopts()) {
                    if (!keycloak(() -> realms.exists(request.slug()))) {
                        throw ProblemException.invalid("slug", "institution.realm-missing");
                    }
                } else {
                    createRealm(request, password, realmCreated);
                }
                return inserted;
            });
        } catch (RuntimeException e) {
            if (realmCreated.get()) {
                orphans.remove(request.slug());
            }
            throw e;
        }
        reloadDirectory();
        FirstAdminView firstAdmin = request.adopts() ? null
                : new FirstAdminView(request.firstAdmin().username(), request.firstAdmin().email(), password);
        return new Onboarded(institution, firstAdmin);
    }

    private void createRealm(InstitutionRequest request, String password, AtomicBoolean realmCreated) {
        FirstAdminRequest admin = request.firstAdmin();
        NewRealm realm = new NewRealm(request.slug(), request.nameFr().strip(), request.nameEn().strip(),
                new NewRealm.FirstAdmin(admin.username(), admin.email().strip(), admin.firstName().strip(),
                        admin.lastName().strip()),
                password);
        // a realm that exists without a registry row is not ours to take over
        if (keycloak(() -> realms.exists(request.slug()))) {
            throw ProblemException.duplicate("institution.realm-exists", request.slug());
        }
        try {
            realms.create(realm);
            realmCreated.set(true);
        } catch (KeycloakAdminException e) {
            if (e.reason() == KeycloakAdminException.Reason.UNAVAILABLE) {
                // the answer was lost, not necessarily the realm: it did not exist a moment ago, so it is ours to remove
                realmCreated.set(true);
            }
            throw problem(e);
        }
    }

    private Institution insert(InstitutionRequest request) {
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
        try {
            institutions.persistAndFlush(institution);
        } catch (PersistenceException raced) {
            // registered by a concurrent call between our check and this insert
            throw ProblemException.duplicate("institution.slug-taken", request.slug());
        }
        changes.announce();
        audit.record(institution.slug, request.adopts() ? "INSTITUTION_REGISTERED" : "INSTITUTION_ONBOARDED",
                AUDIT_TARGET, institution.id, null, institution.status.name(),
                request.adopts() ? "existing realm adopted" : "realm created, first admin " + request.firstAdmin().username());
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

    /**
     * Suspends or reactivates: disables or enables the realm (no one signs in to a suspended institution) and the
     * registry status (its tokens already issued are refused). Both change or neither does.
     */
    public Institution changeStatus(UUID id, InstitutionStatus target, String reason) {
        AtomicBoolean realmChanged = new AtomicBoolean();
        String[] slug = new String[1];
        Institution institution;
        try {
            institution = QuarkusTransaction.requiringNew().call(() -> applyStatus(id, target, reason, realmChanged, slug));
        } catch (RuntimeException e) {
            if (realmChanged.get()) {
                try {
                    realms.setEnabled(slug[0], target != InstitutionStatus.ACTIVE);
                } catch (RuntimeException undo) {
                    LOG.errorf(undo, "Realm %s was %s but its registry status could not be saved, and undoing failed",
                            slug[0], target == InstitutionStatus.ACTIVE ? "enabled" : "disabled");
                }
            }
            throw e;
        }
        reloadDirectory();
        return institution;
    }

    private Institution applyStatus(UUID id, InstitutionStatus target, String reason, AtomicBoolean realmChanged,
            String[] slug) {
        Institution institution = get(id);
        slug[0] = institution.slug;
        InstitutionStatus from = institution.status;
        if (from != target) {
            institution.status = target;
            institution.updatedAt = Instant.now();
            institutions.flush();
            audit.record(institution.slug, target == InstitutionStatus.SUSPENDED ? "INSTITUTION_SUSPENDED"
                    : "INSTITUTION_REACTIVATED", AUDIT_TARGET, institution.id, from.name(), target.name(), reason);
            changes.announce();
        }
        // also when the status already matches: a realm left in the wrong state by an earlier failure is set right
        keycloak(() -> {
            realms.setEnabled(institution.slug, target == InstitutionStatus.ACTIVE);
            return null;
        });
        realmChanged.set(true);
        return institution;
    }

    private static <T> T keycloak(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (KeycloakAdminException e) {
            throw problem(e);
        }
    }

    private static ProblemException problem(KeycloakAdminException e) {
        LOG.warnf("Keycloak admin call failed (%s): %s", e.reason(), e.getMessage());
        return switch (e.reason()) {
            case REALM_EXISTS -> ProblemException.duplicate("institution.realm-exists");
            case REALM_MISSING -> new ProblemException(ProblemType.CONFLICT, "institution.realm-missing");
            case UNAVAILABLE, FAILED, NOT_FOUND, EXISTS, REJECTED -> new ProblemException(ProblemType.UNAVAILABLE, "keycloak.unavailable");
        };
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
