package cm.vigie.watch.mention;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class MentionService {

    static final String AUDIT_TARGET = "MENTION";
    private static final Map<String, String> SORTABLE = Map.of("publishedAt", "published_at", "ingestedAt", "ingested_at",
            "likes", "likes", "shares", "shares", "views", "views", "engagement", "engagement");
    private static final Sorting DEFAULT_SORT = new Sorting("published_at", false);

    private final MentionRepository mentions;
    private final CurrentInstitution institution;
    private final DataSource dataSource;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final MentionListSettings settings;

    MentionService(MentionRepository mentions, CurrentInstitution institution, DataSource dataSource, AuditLog audit,
            SecurityIdentity identity, MentionListSettings settings) {
        this.mentions = mentions;
        this.institution = institution;
        this.dataSource = dataSource;
        this.audit = audit;
        this.identity = identity;
        this.settings = settings;
    }

    /** The caller's institution; operators have none and see no mentions. */
    public String institutionId() {
        return institution.slug().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "problem.forbidden.detail"));
    }

    public PageResponse<MentionView> search(MentionFilter filter, PageRequest page) {
        if (filter.from != null && filter.to != null && !filter.from.isBefore(filter.to)) {
            throw ProblemException.invalid("to", "mention.range.invalid");
        }
        Sorting sorting = Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT);
        int window = settings.resultWindow();
        if ((long) page.offset() + page.size > window) {
            throw new ProblemException(ProblemType.VALIDATION, List.of(new FieldError("page", "mention.page.beyond-window")),
                    "mention.page.beyond-window.detail", window);
        }
        var result = mentions.search(institutionId(), filter, sorting, page.offset(), page.size, window);
        return new PageResponse<>(result.items(), page.page, page.size, result.total(), result.totalExact());
    }

    public MentionView get(UUID id) {
        return mentions.find(institutionId(), id).orElseThrow(() -> ProblemException.notFound("mention.not-found"));
    }

    @Transactional
    public MentionView triage(UUID id, TriageRequest request) {
        BulkTriageResult result = bulkTriage(new BulkTriageRequest(List.of(id), request));
        if (result.updated() == 0) {
            throw ProblemException.notFound("mention.not-found");
        }
        return get(id);
    }

    @Transactional
    public BulkTriageResult bulkTriage(BulkTriageRequest request) {
        TriageRequest triage = request.triage();
        if (triage.status() == null && triage.assignee() == null && triage.note() == null) {
            throw ProblemException.invalid("triage", "mention.triage.empty");
        }
        String institutionId = institutionId();
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(request.ids()));
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, String> before = mentions.statuses(connection, institutionId, ids);
            List<UUID> updated = mentions.triage(connection, institutionId, ids, triage.status(),
                    blankToNull(triage.assignee()), triage.assignee() != null, blankToNull(triage.note()),
                    triage.note() != null, identity.getPrincipal().getName(), Instant.now());
            for (UUID id : updated) {
                String to = triage.status() == null ? before.get(id) : triage.status().name();
                audit.record(institutionId, "MENTION_TRIAGED", AUDIT_TARGET, id, before.get(id), to, reason(triage));
            }
            List<UUID> notFound = ids.stream().filter(id -> !updated.contains(id)).toList();
            return new BulkTriageResult(updated.size(), notFound);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(TriageRequest triage) {
        StringBuilder reason = new StringBuilder();
        if (triage.assignee() != null) {
            reason.append("assignee: ").append(triage.assignee()).append("; ");
        }
        if (triage.note() != null) {
            reason.append("note: ").append(triage.note());
        }
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
