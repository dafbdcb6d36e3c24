package cm.vigie.watch.hoax;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.quota.InstitutionQuotas;
import cm.vigie.commons.quota.Quota;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.watch.hoax.similarity.Shingles;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class HoaxService {

    static final String AUDIT_TARGET = "HOAX";
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "firstSeen", "firstSeen", "verdict", "verdict");
    private static final Sorting DEFAULT_SORT = new Sorting("createdAt", false);

    private final HoaxRepository hoaxes;
    private final SharedHoaxRepository registry;
    private final HoaxDetector detector;
    private final AuditLog audit;
    private final Event<HoaxChanged> changes;
    private final CurrentInstitution institution;
    private final SecurityIdentity identity;
    private final HoaxSettings settings;
    private final InstitutionQuotas quotas;

    HoaxService(HoaxRepository hoaxes, SharedHoaxRepository registry, HoaxDetector detector, AuditLog audit,
            Event<HoaxChanged> changes, CurrentInstitution institution, SecurityIdentity identity, HoaxSettings settings,
            InstitutionQuotas quotas) {
        this.quotas = quotas;
        this.hoaxes = hoaxes;
        this.registry = registry;
        this.detector = detector;
        this.audit = audit;
        this.changes = changes;
        this.institution = institution;
        this.identity = identity;
        this.settings = settings;
    }

    @Transactional
    public Hoax create(HoaxRequest request) {
        requireMatchableClaims(request.claims());
        Hoax hoax = new Hoax();
        hoax.id = UUID.randomUUID();
        hoax.createdAt = Instant.now();
        hoax.updatedAt = hoax.createdAt;
        hoax.createdBy = identity.getPrincipal().getName();
        hoax.exerciseId = request.exerciseId();
        apply(hoax, request);
        institution.slug().ifPresent(slug -> quotas.requireRoom(Quota.HOAXES, slug, hoaxes::count));
        hoaxes.persist(hoax);
        hoaxes.flush();
        audit.record(hoax.institutionId, "HOAX_CREATED", AUDIT_TARGET, hoax.id, null, state(hoax), null);
        changes.fire(new HoaxChanged(hoax.institutionId, hoax.published()));
        return hoax;
    }

    public Hoax get(UUID id) {
        return hoaxes.findVisible(id).orElseThrow(() -> ProblemException.notFound("hoax.not-found"));
    }

    public PageResponse<Hoax> list(Verdict verdict, Boolean shared, PageRequest page) {
        var query = hoaxes.search(verdict, shared, Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT)).page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    @Transactional
    public Hoax update(UUID id, String ifMatch, HoaxRequest request) {
        Hoax hoax = get(id);
        ETags.requireMatch(ifMatch, hoax.version);
        requireMatchableClaims(request.claims());
        String before = state(hoax);
        boolean publishedBefore = hoax.published();
        apply(hoax, request);
        hoax.updatedAt = Instant.now();
        hoaxes.flush();
        audit.record(hoax.institutionId, "HOAX_UPDATED", AUDIT_TARGET, hoax.id, before, state(hoax), null);
        changes.fire(new HoaxChanged(hoax.institutionId, publishedBefore || hoax.published()));
        return hoax;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Hoax hoax = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, hoax.version);
        }
        audit.record(hoax.institutionId, "HOAX_DELETED", AUDIT_TARGET, hoax.id, state(hoax), null, null);
        hoaxes.delete(hoax);
        changes.fire(new HoaxChanged(hoax.institutionId, hoax.published()));
    }

    public HoaxCheckResponse check(String text) {
        String own = institution.slug().orElse(null);
        List<HoaxCheckResponse.Match> matches = new ArrayList<>();
        for (HoaxMatch match : detector.detect(own, text)) {
            var mine = hoaxes.findVisible(match.hoaxId());
            if (mine.isPresent()) {
                matches.add(new HoaxCheckResponse.Match(match.hoaxId(), match.similarity(), mine.get().verdict,
                        mine.get().debunkUrl, true));
            } else {
                registry.find(match.hoaxId(), false).ifPresent(shared -> matches.add(new HoaxCheckResponse.Match(
                        match.hoaxId(), match.similarity(), shared.verdict(), shared.debunkUrl(), false)));
            }
        }
        return new HoaxCheckResponse(matches);
    }

    /** Institutions see what is published; operators also see what they withdrew. */
    public PageResponse<SharedHoaxView> listShared(Verdict verdict, PageRequest page) {
        var result = registry.search(verdict, isOperator(), Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT), page.offset(),
                page.size);
        return new PageResponse<>(result.items(), page.page, page.size, result.total());
    }

    public SharedHoaxView getShared(UUID id) {
        return registry.find(id, isOperator()).orElseThrow(() -> ProblemException.notFound("hoax.not-found"));
    }

    @Transactional
    public SharedHoaxView withdraw(UUID id, String reason) {
        SharedHoaxView shared = getShared(id);
        if (shared.withdrawal() != null) {
            throw ProblemException.invalidTransition("hoax.already-withdrawn");
        }
        if (!registry.withdraw(id, identity.getPrincipal().getName(), reason.strip(), Instant.now())) {
            throw ProblemException.invalidTransition("hoax.already-withdrawn");
        }
        audit.record(shared.publishedBy(), "HOAX_WITHDRAWN", AUDIT_TARGET, id, "PUBLISHED", "WITHDRAWN", reason.strip());
        changes.fire(new HoaxChanged(shared.publishedBy(), true));
        return getShared(id);
    }

    @Transactional
    public SharedHoaxView reinstate(UUID id) {
        SharedHoaxView shared = getShared(id);
        if (shared.withdrawal() == null || !registry.reinstate(id, Instant.now())) {
            throw ProblemException.invalidTransition("hoax.not-withdrawn");
        }
        audit.record(shared.publishedBy(), "HOAX_REINSTATED", AUDIT_TARGET, id, "WITHDRAWN", "PUBLISHED", null);
        changes.fire(new HoaxChanged(shared.publishedBy(), true));
        return getShared(id);
    }

    private boolean isOperator() {
        return identity.hasRole(cm.vigie.commons.tenancy.Roles.PLATFORM_ADMIN) && institution.slug().isEmpty();
    }

    /** A claim with too few content words would match half the internet, or nothing: refuse it. */
    private void requireMatchableClaims(List<String> claims) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            if (Shingles.of(claims.get(i)).words() < settings.minWords()) {
                errors.add(new FieldError("claims[" + i + "]", "hoax.claim.too-short"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors, "problem.validation.detail");
        }
    }

    private static void apply(Hoax hoax, HoaxRequest request) {
        if (hoax.exerciseId != null && Boolean.TRUE.equals(request.shared())) {
            // Exercise material must never reach other institutions' registries or detectors.
            throw new ProblemException(ProblemType.UNPROCESSABLE, "hoax.exercise.not-shareable");
        }
        hoax.claims.clear();
        request.claims().stream().map(String::strip).distinct().forEach(hoax.claims::add);
        hoax.verdict = request.verdict();
        hoax.debunkUrl = request.debunkUrl();
        hoax.firstSeen = Objects.requireNonNullElse(request.firstSeen(),
                hoax.firstSeen != null ? hoax.firstSeen : hoax.createdAt);
        hoax.notes = request.notes();
        hoax.shared = Boolean.TRUE.equals(request.shared());
    }

    private static String state(Hoax hoax) {
        return hoax.verdict + (hoax.published() ? "/PUBLISHED" : hoax.shared ? "/WITHDRAWN" : "/PRIVATE");
    }
}
