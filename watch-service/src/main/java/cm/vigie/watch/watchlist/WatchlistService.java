package cm.vigie.watch.watchlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

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
import cm.vigie.watch.alert.RuleType;
import cm.vigie.watch.alert.Severity;
import cm.vigie.watch.matching.ParseResult;
import cm.vigie.watch.matching.QueryParser;

@ApplicationScoped
public class WatchlistService {

    static final String AUDIT_TARGET = "WATCHLIST";
    private static final String UNIQUE_NAME = "watchlist_name_key";
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "name", "name", "severity",
            "severity", "updatedAt", "updatedAt");
    private static final Sorting DEFAULT_SORT = new Sorting("createdAt", false);

    private final WatchlistRepository watchlists;
    private final AuditLog audit;
    private final Event<WatchlistChanged> changes;
    private final CurrentInstitution institution;
    private final InstitutionQuotas quotas;

    WatchlistService(WatchlistRepository watchlists, AuditLog audit, Event<WatchlistChanged> changes,
            CurrentInstitution institution, InstitutionQuotas quotas) {
        this.quotas = quotas;
        this.watchlists = watchlists;
        this.audit = audit;
        this.changes = changes;
        this.institution = institution;
    }

    /** Parses a query: the parse errors are thrown as a 400, the warnings returned. */
    public ParseResult validate(String query) {
        ParseResult result = QueryParser.parse(query);
        if (!result.valid()) {
            throw new InvalidQueryException(result.errors());
        }
        return result;
    }

    @Transactional
    public Watchlist create(WatchlistRequest request) {
        Watchlist watchlist = new Watchlist();
        watchlist.id = UUID.randomUUID();
        apply(watchlist, request);
        // set once: an exercise's watchlist stays the exercise's (an update cannot move it in or out)
        watchlist.exerciseId = request.exerciseId();
        watchlist.createdAt = Instant.now();
        watchlist.updatedAt = watchlist.createdAt;
        institution.slug().ifPresent(slug -> quotas.requireRoom(Quota.WATCHLISTS, slug, watchlists::count));
        watchlists.persist(watchlist);
        flushName(watchlist);
        audit.record(watchlist.institutionId, "WATCHLIST_CREATED", AUDIT_TARGET, watchlist.id, null, state(watchlist),
                reason(watchlist));
        changes.fire(new WatchlistChanged(watchlist.institutionId));
        return watchlist;
    }

    public Watchlist get(UUID id) {
        return watchlists.findVisible(id).orElseThrow(() -> ProblemException.notFound("watchlist.not-found"));
    }

    public PageResponse<Watchlist> list(Boolean active, String name, PageRequest page) {
        var query = watchlists.search(active, name, Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT)).page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    @Transactional
    public Watchlist update(UUID id, String ifMatch, WatchlistRequest request) {
        Watchlist watchlist = get(id);
        ETags.requireMatch(ifMatch, watchlist.version);
        String before = state(watchlist);
        apply(watchlist, request);
        watchlist.updatedAt = Instant.now();
        flushName(watchlist);
        audit.record(watchlist.institutionId, "WATCHLIST_UPDATED", AUDIT_TARGET, watchlist.id, before, state(watchlist),
                reason(watchlist));
        changes.fire(new WatchlistChanged(watchlist.institutionId));
        return watchlist;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Watchlist watchlist = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, watchlist.version);
        }
        audit.record(watchlist.institutionId, "WATCHLIST_DELETED", AUDIT_TARGET, watchlist.id, state(watchlist), null, null);
        watchlists.delete(watchlist);
        changes.fire(new WatchlistChanged(watchlist.institutionId));
    }

    public String institutionId() {
        return institution.slug().orElseThrow(() -> ProblemException.notFound("watchlist.not-found"));
    }

    private void apply(Watchlist watchlist, WatchlistRequest request) {
        validate(request.query());
        List<AlertRule> rules = request.alertRules() == null ? List.of(AlertRule.keyword()) : request.alertRules();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            AlertRule rule = rules.get(i);
            String field = "alertRules[" + i + "]";
            if (rule.type() == null) {
                errors.add(new FieldError(field + ".type", "watchlist.rule.type-required"));
            } else if (rule.type() == RuleType.HOAX || rule.type() == RuleType.IMPERSONATION) {
                errors.add(new FieldError(field + ".type", "watchlist.rule.institution-wide"));
            } else if (rule.type() == RuleType.REACH && (rule.threshold() == null || rule.threshold() < 1)) {
                errors.add(new FieldError(field + ".threshold", "watchlist.rule.threshold-required"));
            } else if (rule.type() == RuleType.SPIKE && ((rule.k() != null && (rule.k() <= 0 || rule.k() > 100))
                    || (rule.minCount() != null && rule.minCount() < 1))) {
                errors.add(new FieldError(field, "watchlist.rule.spike-range"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors, "problem.validation.detail");
        }
        watchlist.name = request.name().strip();
        watchlist.query = request.query().strip();
        watchlist.languages = request.languages() == null ? List.of() : request.languages().stream().distinct().sorted().toList();
        watchlist.platforms = request.platforms() == null ? List.of()
                : request.platforms().stream().map(Enum::name).distinct().sorted().toList();
        watchlist.severity = request.severity() == null ? Severity.LOW : request.severity();
        watchlist.active = request.active() == null || request.active();
        watchlist.alertRules = List.copyOf(rules);
    }

    private static String state(Watchlist watchlist) {
        return (watchlist.active ? "ACTIVE" : "INACTIVE") + " " + watchlist.severity;
    }

    private static String reason(Watchlist watchlist) {
        String query = "query: " + watchlist.query;
        return query.length() > 1000 ? query.substring(0, 1000) : query;
    }

    private void flushName(Watchlist watchlist) {
        try {
            watchlists.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException violation && UNIQUE_NAME.equals(violation.getConstraintName())
                    || e.getCause() instanceof ConstraintViolationException cause && UNIQUE_NAME.equals(cause.getConstraintName())) {
                throw ProblemException.duplicate("watchlist.name-taken", watchlist.name);
            }
            throw e;
        }
    }
}
