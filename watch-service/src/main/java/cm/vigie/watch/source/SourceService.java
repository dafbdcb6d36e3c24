package cm.vigie.watch.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
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

@ApplicationScoped
public class SourceService {

    static final String AUDIT_TARGET = "SOURCE";
    static final int DEFAULT_INTERVAL_MINUTES = 15;
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "name", "name", "type", "type",
            "updatedAt", "updatedAt");
    private static final Sorting DEFAULT_SORT = new Sorting("createdAt", false);

    private final SourceRepository sources;
    private final SourceStatusStore statuses;
    private final Connectors connectors;
    private final SourcePoller poller;
    private final AuditLog audit;
    private final InstitutionQuotas quotas;
    private final CurrentInstitution institution;

    SourceService(SourceRepository sources, SourceStatusStore statuses, Connectors connectors, SourcePoller poller,
            AuditLog audit, InstitutionQuotas quotas, CurrentInstitution institution) {
        this.quotas = quotas;
        this.institution = institution;
        this.sources = sources;
        this.statuses = statuses;
        this.connectors = connectors;
        this.poller = poller;
        this.audit = audit;
    }

    /** A source as shown, with the version its ETag carries. */
    public record Versioned(SourceView view, long version) {
    }

    @Transactional
    public Versioned create(SourceRequest request) {
        Connector connector = connectorOf(request.type());
        Source source = new Source();
        source.id = UUID.randomUUID();
        source.type = connector.type();
        source.createdAt = Instant.now();
        source.updatedAt = source.createdAt;
        apply(source, request);
        validate(connector, source);
        institution.slug().ifPresent(slug -> quotas.requireRoom(Quota.SOURCES, slug, sources::count));
        sources.persist(source);
        sources.flush();
        statuses.create(source.id, nextPoll(connector, source));
        poller.announce(source.institutionId);
        audit.record(source.institutionId, "SOURCE_CREATED", AUDIT_TARGET, source.id, null, state(source), null);
        return new Versioned(view(source, SourceStatusView.NEVER.withNextPoll(nextPoll(connector, source))), source.version);
    }

    public Source get(UUID id) {
        return sources.findVisible(id).orElseThrow(() -> ProblemException.notFound("source.not-found"));
    }

    public Versioned view(UUID id) {
        Source source = get(id);
        return new Versioned(view(source, statuses.statuses(List.of(id)).getOrDefault(id, SourceStatusView.NEVER)),
                source.version);
    }

    public PageResponse<SourceView> list(String type, Boolean active, PageRequest page) {
        var query = sources.search(type, active, Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT)).page(page.page, page.size);
        List<Source> items = query.list();
        Map<UUID, SourceStatusView> status = statuses.statuses(items.stream().map(s -> s.id).toList());
        return new PageResponse<>(items.stream().map(s -> view(s, status.getOrDefault(s.id, SourceStatusView.NEVER))).toList(),
                page.page, page.size, query.count());
    }

    @Transactional
    public Versioned update(UUID id, String ifMatch, SourceRequest request) {
        Source source = get(id);
        ETags.requireMatch(ifMatch, source.version);
        if (!Objects.equals(source.type, request.type())) {
            throw ProblemException.invalid("type", "source.type.immutable");
        }
        Connector connector = connectorOf(source.type);
        String before = state(source);
        String previousUrl = source.url;
        apply(source, request);
        validate(connector, source);
        source.updatedAt = Instant.now();
        sources.flush();
        statuses.reset(source.id, nextPoll(connector, source), !Objects.equals(previousUrl, source.url));
        poller.announce(source.institutionId);
        audit.record(source.institutionId, "SOURCE_UPDATED", AUDIT_TARGET, source.id, before, state(source), null);
        return new Versioned(view(source, statuses.statuses(List.of(id)).getOrDefault(id, SourceStatusView.NEVER)),
                source.version);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Source source = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, source.version);
        }
        audit.record(source.institutionId, "SOURCE_DELETED", AUDIT_TARGET, source.id, state(source), null, null);
        sources.delete(source);
    }

    /** Polls a polled source now; the caller sees what came of it and the updated status. */
    public SourcePollResult pollNow(UUID id) {
        Source source = get(id);
        if (connectors.polling(source.type).isEmpty()) {
            throw ProblemException.conflict("source.not-polled");
        }
        if (!source.active) {
            throw ProblemException.conflict("source.inactive");
        }
        SourcePoller.Outcome outcome = poller.pollNow(id);
        return new SourcePollResult(outcome.success(), outcome.notModified(), outcome.accepted(), outcome.duplicates(),
                outcome.rejected(), outcome.error(), view(id).view());
    }

    private Connector connectorOf(String type) {
        return connectors.find(type).orElseThrow(() -> new ProblemException(ProblemType.VALIDATION,
                List.of(new FieldError("type", "source.type.unknown")), "problem.validation.detail"));
    }

    private static void apply(Source source, SourceRequest request) {
        source.name = request.name().strip();
        source.url = blankToNull(request.url());
        source.account = blankToNull(request.account());
        if (request.secret() != null) {
            source.secret = blankToNull(request.secret());
        }
        if (request.verifyToken() != null) {
            source.verifyToken = blankToNull(request.verifyToken());
        }
        source.pollIntervalMinutes = request.pollIntervalMinutes() == null ? DEFAULT_INTERVAL_MINUTES
                : request.pollIntervalMinutes();
        source.active = request.active() == null || request.active();
    }

    private static void validate(Connector connector, Source source) {
        List<FieldError> errors = connector.validate(source.settings());
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors, "problem.validation.detail");
        }
    }

    private static Instant nextPoll(Connector connector, Source source) {
        return connector.polled() && source.active ? Instant.now() : null;
    }

    private SourceView view(Source source, SourceStatusView status) {
        String webhook = connectors.find(source.type).flatMap(c -> c.webhookPath(source.id)).orElse(null);
        return SourceView.of(source, status, webhook);
    }

    private static String state(Source source) {
        return source.type + (source.active ? "/ACTIVE" : "/INACTIVE");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
