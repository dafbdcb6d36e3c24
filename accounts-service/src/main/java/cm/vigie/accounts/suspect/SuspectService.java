package cm.vigie.accounts.suspect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import cm.vigie.accounts.impersonation.ImpersonationSettingsService;
import cm.vigie.accounts.official.Handles;
import cm.vigie.accounts.person.ChangeRecord;
import cm.vigie.accounts.person.PersonDeleted;
import cm.vigie.accounts.person.ProtectedPersonRepository;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class SuspectService {

    public static final String AUDIT_TARGET = "SUSPECT_ACCOUNT";
    private static final String UNIQUE_HANDLE = "suspect_account_handle_key";
    /** Clocks of capture tools drift: a capture a few minutes "in the future" is still accepted. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "score", "score", "handle", "handle", "dueAt", "dueAt", "reportedAt", "reportedAt");
    private static final Sorting DEFAULT_SORT = new Sorting("createdAt", false);

    private final SuspectRepository suspects;
    private final EvidenceRepository evidence;
    private final ProtectedPersonRepository persons;
    private final ImpersonationSettingsService settings;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock;

    SuspectService(SuspectRepository suspects, EvidenceRepository evidence, ProtectedPersonRepository persons,
            ImpersonationSettingsService settings, AuditLog audit, SecurityIdentity identity) {
        this.suspects = suspects;
        this.evidence = evidence;
        this.persons = persons;
        this.settings = settings;
        this.audit = audit;
        this.identity = identity;
        this.clock = Clock.systemUTC();
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public SuspectAccount create(SuspectRequest request) {
        String handle = Handles.normalise(request.platform(), request.handle());
        suspects.findByHandle(request.platform(), handle).ifPresent(existing -> {
            throw ProblemException.duplicate("suspect.exists", request.platform(), handle);
        });
        requirePerson("personId", request.personId());
        SuspectAccount suspect = open(request.platform(), handle);
        suspect.displayName = blankToNull(request.displayName());
        suspect.profileUrl = request.profileUrl();
        suspect.personId = request.personId();
        suspects.persist(suspect);
        flushClaim(suspect);
        audit.record(suspect.institutionId, "SUSPECT_OPENED", AUDIT_TARGET, suspect.id, null, suspect.status.name(),
                "reported by hand");
        return suspect;
    }

    /** A new case, not yet persisted, with the institution's default SLA. */
    SuspectAccount open(cm.vigie.accounts.official.Platform platform, String handle) {
        SuspectAccount suspect = new SuspectAccount();
        suspect.id = UUID.randomUUID();
        suspect.platform = platform;
        suspect.handle = handle;
        suspect.status = SuspectStatus.SUSPECTED;
        suspect.slaDays = settings.current().defaultSlaDays();
        suspect.createdAt = now();
        suspect.updatedAt = suspect.createdAt;
        return suspect;
    }

    /** What a scan did to one (platform, handle). */
    public record Recorded(UUID suspectId, boolean opened) {
    }

    /**
     * Opens a case for each scored account without one, and gives existing cases the new score (their status is
     * a human decision and stays). Keyed by whatever the caller chose; one query for the existing cases.
     */
    @Transactional
    public <K> Map<K, Recorded> recordScored(Map<K, ScoredSuspect> hits) {
        Map<K, Recorded> recorded = new java.util.HashMap<>();
        if (hits.isEmpty()) {
            return recorded;
        }
        Map<String, SuspectAccount> existing = new java.util.HashMap<>();
        for (SuspectAccount s : suspects.findByHandles(hits.values().stream().map(ScoredSuspect::handle).distinct().toList())) {
            existing.put(s.platform + "\u0000" + s.handle, s);
        }
        Instant now = now();
        for (var entry : hits.entrySet()) {
            ScoredSuspect hit = entry.getValue();
            SuspectAccount suspect = existing.get(hit.platform() + "\u0000" + hit.handle());
            if (suspect == null) {
                suspect = open(hit.platform(), hit.handle());
                suspect.displayName = hit.displayName();
                suspect.personId = hit.personId();
                suspect.officialAccountId = hit.officialAccountId();
                suspect.score = hit.score();
                suspect.verdict = hit.verdict();
                suspect.lastScoredAt = now;
                suspects.persist(suspect);
                audit.record(suspect.institutionId, "SUSPECT_OPENED", AUDIT_TARGET, suspect.id, null, suspect.status.name(),
                        "scan: score " + hit.score() + " " + hit.verdict());
                recorded.put(entry.getKey(), new Recorded(suspect.id, true));
            } else {
                Double before = suspect.score;
                suspect.score = hit.score();
                suspect.verdict = hit.verdict();
                suspect.lastScoredAt = now;
                if (suspect.displayName == null) {
                    suspect.displayName = hit.displayName();
                }
                if (suspect.personId == null && suspect.officialAccountId == null) {
                    suspect.personId = hit.personId();
                    suspect.officialAccountId = hit.officialAccountId();
                }
                suspect.updatedAt = now;
                if (before == null || Math.abs(before - hit.score()) >= 0.001) {
                    audit.record(suspect.institutionId, "SUSPECT_RESCORED", AUDIT_TARGET, suspect.id,
                            before == null ? null : String.valueOf(before), String.valueOf(hit.score()), "scan: " + hit.verdict());
                }
                recorded.put(entry.getKey(), new Recorded(suspect.id, false));
            }
        }
        try {
            suspects.flush();
        } catch (PersistenceException e) {
            // another scan opened the same case meanwhile: the client retries and then updates it
            throw ProblemException.conflict("suspect.scan.concurrent");
        }
        return recorded;
    }

    public SuspectAccount get(UUID id) {
        return suspects.findVisible(id).orElseThrow(() -> ProblemException.notFound("suspect.not-found"));
    }

    public PageResponse<SuspectAccount> list(SuspectFilter filter, PageRequest page) {
        var query = suspects.search(filter, now(), Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT)).page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    @Transactional
    public SuspectAccount update(UUID id, String ifMatch, SuspectUpdate update) {
        SuspectAccount suspect = get(id);
        ETags.requireMatch(ifMatch, suspect.version);
        requirePerson("personId", update.personId());
        List<String> changes = new ArrayList<>();
        suspect.displayName = change(changes, "displayName", suspect.displayName, blankToNull(update.displayName()));
        suspect.profileUrl = change(changes, "profileUrl", suspect.profileUrl, update.profileUrl());
        suspect.personId = change(changes, "personId", suspect.personId, update.personId());
        suspect.reportReference = change(changes, "reportReference", suspect.reportReference,
                blankToNull(update.reportReference()));
        suspect.outcome = change(changes, "outcome", suspect.outcome, blankToNull(update.outcome()));
        if (update.slaDays() != null) {
            suspect.slaDays = change(changes, "slaDays", suspect.slaDays, update.slaDays());
            suspect.dueAt = dueAt(suspect);
        }
        if (!changes.isEmpty()) {
            suspect.updatedAt = now();
            suspects.flush();
            audit.record(suspect.institutionId, "SUSPECT_UPDATED", AUDIT_TARGET, suspect.id, suspect.status.name(),
                    suspect.status.name(), truncate(String.join("; ", changes)));
        }
        return suspect;
    }

    /** Moves a case along its lifecycle; a move the lifecycle does not allow answers 409 and changes nothing. */
    @Transactional
    public SuspectAccount transition(UUID id, String ifMatch, TransitionRequest request) {
        SuspectAccount suspect = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, suspect.version);
        }
        SuspectStatus from = suspect.status;
        SuspectStatus to = request.to();
        if (!from.canMoveTo(to)) {
            throw ProblemException.invalidTransition("suspect.transition.invalid", from, to);
        }
        Instant now = now();
        switch (to) {
            case REPORTED -> {
                Instant reportedAt = request.reportedAt() == null ? now : request.reportedAt();
                if (reportedAt.isAfter(now.plus(CLOCK_SKEW))) {
                    throw ProblemException.invalid("reportedAt", "suspect.in-future");
                }
                suspect.reportedAt = reportedAt;
                if (request.reportReference() != null && !request.reportReference().isBlank()) {
                    suspect.reportReference = request.reportReference().strip();
                }
                if (request.slaDays() != null) {
                    suspect.slaDays = request.slaDays();
                }
                suspect.dueAt = dueAt(suspect);
            }
            case TAKEN_DOWN, FALSE_POSITIVE -> {
                suspect.closedAt = now;
                suspect.outcome = request.outcome() == null ? suspect.outcome : blankToNull(request.outcome());
            }
            case REJECTED_BY_PLATFORM -> suspect.outcome = request.outcome() == null ? suspect.outcome
                    : blankToNull(request.outcome());
            default -> {
                // CONFIRMED carries nothing but the reason
            }
        }
        suspect.status = to;
        suspect.updatedAt = now;
        suspects.flush();
        audit.record(suspect.institutionId, "SUSPECT_TRANSITIONED", AUDIT_TARGET, suspect.id, from.name(), to.name(),
                blankToNull(request.reason()));
        return suspect;
    }

    @Transactional
    public EvidenceItem addEvidence(UUID suspectId, EvidenceRequest request) {
        SuspectAccount suspect = get(suspectId);
        Instant now = now();
        if (request.capturedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("capturedAt", "suspect.in-future");
        }
        EvidenceItem item = new EvidenceItem();
        item.id = UUID.randomUUID();
        item.suspectId = suspect.id;
        item.url = request.url().strip();
        item.sha256 = request.sha256().toLowerCase(java.util.Locale.ROOT);
        item.note = blankToNull(request.note());
        item.capturedAt = request.capturedAt();
        item.capturedBy = caller();
        item.addedAt = now;
        evidence.persist(item);
        audit.record(suspect.institutionId, "SUSPECT_EVIDENCE_ADDED", AUDIT_TARGET, suspect.id, suspect.status.name(),
                suspect.status.name(), truncate("evidence " + item.id + " sha256=" + item.sha256 + " url=" + item.url));
        return item;
    }

    public List<EvidenceItem> evidence(UUID suspectId) {
        return evidence.ofSuspect(get(suspectId).id);
    }

    public List<ChangeRecord> history(UUID id) {
        return audit.history(AUDIT_TARGET, get(id).id).stream().map(ChangeRecord::of).toList();
    }

    public Dossier dossier(UUID id) {
        SuspectAccount suspect = get(id);
        var person = suspect.personId == null ? null : persons.findVisible(suspect.personId).orElse(null);
        return new Dossier(suspect, person, evidence.ofSuspect(suspect.id), history(suspect.id), now());
    }

    /** A deleted person leaves its cases unlinked, in the same transaction. */
    void onPersonDeleted(@Observes PersonDeleted deleted) {
        suspects.unlinkPerson(deleted.personId());
    }

    private void requirePerson(String field, UUID personId) {
        if (personId != null && persons.findVisible(personId).isEmpty()) {
            throw ProblemException.invalid(field, "suspect.person.unknown");
        }
    }

    private static Instant dueAt(SuspectAccount suspect) {
        return suspect.reportedAt == null ? null : suspect.reportedAt.plus(Duration.ofDays(suspect.slaDays));
    }

    private String caller() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }

    private static <T> T change(List<String> changes, String field, T before, T after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + before + " → " + after);
        }
        return after;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    void flushClaim(SuspectAccount suspect) {
        try {
            suspects.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException violation && UNIQUE_HANDLE.equals(violation.getConstraintName())
                    || e.getCause() instanceof ConstraintViolationException cause && UNIQUE_HANDLE.equals(cause.getConstraintName())) {
                throw ProblemException.duplicate("suspect.exists", suspect.platform, suspect.handle);
            }
            throw e;
        }
    }
}
