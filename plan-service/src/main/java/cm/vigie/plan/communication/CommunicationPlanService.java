package cm.vigie.plan.communication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.plan.accounts.ChannelCheck;
import cm.vigie.plan.audit.HistoryEntry;
import cm.vigie.plan.audit.PlanAudit;
import cm.vigie.plan.diff.JsonDiff;
import cm.vigie.plan.workflow.Clocks;
import cm.vigie.plan.workflow.ItemStatus;
import cm.vigie.plan.workflow.Workflow;

@ApplicationScoped
public class CommunicationPlanService {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "title", "title", "periodStart", "periodStart", "status", "status");
    private static final Sorting DEFAULT_SORT = new Sorting("createdAt", false);

    private final CommunicationPlanRepository plans;
    private final Workflow workflow;
    private final PlanAudit audit;
    private final ChannelCheck channels;
    private final CurrentInstitution institution;
    private final ObjectMapper json;

    CommunicationPlanService(CommunicationPlanRepository plans, Workflow workflow, PlanAudit audit, ChannelCheck channels,
            CurrentInstitution institution, ObjectMapper json) {
        this.plans = plans;
        this.workflow = workflow;
        this.audit = audit;
        this.channels = channels;
        this.institution = institution;
        this.json = json;
    }

    @Transactional
    public CommunicationPlan create(CommunicationPlanContent request) {
        String author = audit.actor();
        CommunicationPlanContent content = checked(request.normalised(author));
        CommunicationPlan plan = new CommunicationPlan();
        plan.id = UUID.randomUUID();
        plan.institutionId = institution.slug().orElseThrow();
        plan.status = ItemStatus.DRAFT;
        plan.revision = 1;
        plan.createdBy = author;
        plan.lastEditedBy = author;
        plan.createdAt = Clocks.now();
        plan.updatedAt = plan.createdAt;
        apply(plan, content);
        plans.persist(plan);
        plans.persistRevision(newRevision(plan));
        audit.record(plan.institutionId, "CREATED", plan.kind().name(), plan.id, null, plan.status.name(), null, null, content);
        return plan;
    }

    public CommunicationPlan get(UUID id) {
        return plans.findVisible(id).orElseThrow(() -> ProblemException.notFound("communication-plan.not-found"));
    }

    public PageResponse<CommunicationPlan> list(ItemStatus status, String q, PageRequest page) {
        var query = plans.search(status, q, Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT)).page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    /**
     * Edits the plan. A draft is edited in place; an approved or active plan gets a new revision that needs approval
     * again. In review or closed, it cannot be edited (409).
     */
    @Transactional
    public CommunicationPlan update(UUID id, String ifMatch, CommunicationPlanContent request) {
        CommunicationPlan plan = get(id);
        ETags.requireMatch(ifMatch, plan.version);
        Workflow.requireStatus(plan, "edit", ItemStatus.DRAFT, ItemStatus.APPROVED, ItemStatus.ACTIVE);
        String editor = audit.actor();
        CommunicationPlanContent content = checked(request.normalised(plan.plan.owner()));
        CommunicationPlanContent before = plan.plan;
        ItemStatus from = plan.status;
        String action = "EDITED";
        if (plan.status != ItemStatus.DRAFT) {
            plan.revision++;
            plan.status = ItemStatus.DRAFT;
            plan.approvals = new ArrayList<>();
            plan.rejection = null;
            action = "REVISION_STARTED";
        }
        plan.lastEditedBy = editor;
        plan.updatedAt = Clocks.now();
        apply(plan, content);
        if (action.equals("EDITED")) {
            CommunicationPlanRevision current = plans.revision(plan.id, plan.revision).orElseThrow();
            current.content = content;
            current.editedBy = editor;
            current.updatedAt = plan.updatedAt;
        } else {
            plans.persistRevision(newRevision(plan));
        }
        workflow.flush();
        audit.record(plan.institutionId, action, plan.kind().name(), plan.id, from.name(), plan.status.name(), null, before,
                content);
        return plan;
    }

    @Transactional
    public CommunicationPlan submit(UUID id, String ifMatch, String comment) {
        CommunicationPlan plan = get(id);
        workflow.submit(plan, ifMatch, comment);
        return followedByRevision(plan);
    }

    @Transactional
    public CommunicationPlan approve(UUID id, String ifMatch, String comment) {
        CommunicationPlan plan = get(id);
        workflow.approve(plan, ifMatch, comment);
        return followedByRevision(plan);
    }

    @Transactional
    public CommunicationPlan reject(UUID id, String ifMatch, String comment) {
        CommunicationPlan plan = get(id);
        workflow.reject(plan, ifMatch, comment);
        return followedByRevision(plan);
    }

    @Transactional
    public CommunicationPlan activate(UUID id, String ifMatch, String comment) {
        CommunicationPlan plan = get(id);
        workflow.move(plan, ifMatch, "ACTIVATED", Set.of(ItemStatus.APPROVED), ItemStatus.ACTIVE, comment);
        return followedByRevision(plan);
    }

    @Transactional
    public CommunicationPlan close(UUID id, String ifMatch, String comment) {
        CommunicationPlan plan = get(id);
        workflow.move(plan, ifMatch, "CLOSED", Set.of(ItemStatus.ACTIVE, ItemStatus.APPROVED), ItemStatus.CLOSED, comment);
        return followedByRevision(plan);
    }

    public List<CommunicationPlanRevision> revisions(UUID id) {
        return plans.revisions(get(id).id);
    }

    public CommunicationPlanRevision revision(UUID id, int number) {
        return plans.revision(get(id).id, number)
                .orElseThrow(() -> ProblemException.notFound("communication-plan.revision.not-found", number));
    }

    public RevisionDiff diff(UUID id, int from, int to) {
        CommunicationPlanRevision older = revision(id, from);
        CommunicationPlanRevision newer = revision(id, to);
        return new RevisionDiff(from, to, JsonDiff.between(json.valueToTree(older.content), json.valueToTree(newer.content)));
    }

    public List<HistoryEntry> history(UUID id) {
        CommunicationPlan plan = get(id);
        return audit.history(plan.institutionId, plan.kind().name(), plan.id);
    }

    /** The current revision records the status and approvals its plan reached. */
    private CommunicationPlan followedByRevision(CommunicationPlan plan) {
        plans.revision(plan.id, plan.revision).ifPresent(revision -> {
            revision.status = plan.status;
            revision.approvals = new ArrayList<>(plan.approvals);
            revision.updatedAt = plan.updatedAt;
        });
        workflow.flush();
        return plan;
    }

    private static void apply(CommunicationPlan plan, CommunicationPlanContent content) {
        plan.plan = content;
        plan.title = content.title();
        plan.periodStart = content.periodStart();
        plan.periodEnd = content.periodEnd();
    }

    private static CommunicationPlanRevision newRevision(CommunicationPlan plan) {
        CommunicationPlanRevision revision = new CommunicationPlanRevision();
        revision.id = UUID.randomUUID();
        revision.institutionId = plan.institutionId;
        revision.planId = plan.id;
        revision.number = plan.revision;
        revision.content = plan.plan;
        revision.status = plan.status;
        revision.editedBy = plan.lastEditedBy;
        revision.createdAt = plan.updatedAt;
        revision.updatedAt = plan.updatedAt;
        return revision;
    }

    /** KPI fields each type needs, then channels against accounts-service (422 for an unknown one). */
    private CommunicationPlanContent checked(CommunicationPlanContent content) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < content.objectives().size(); i++) {
            Kpi kpi = content.objectives().get(i).kpi();
            String at = "objectives[" + i + "].kpi.";
            switch (kpi.type()) {
                case MENTION_VOLUME, NEGATIVE_SHARE, ALERTS_RESOLVED_IN_SLA -> {
                    if (kpi.watchlistId() == null) {
                        errors.add(new FieldError(at + "watchlistId", "kpi.watchlist-required"));
                    }
                }
                case HOAX_MENTIONS -> {
                    if (kpi.hoaxId() == null) {
                        errors.add(new FieldError(at + "hoaxId", "kpi.hoax-required"));
                    }
                }
                case MANUAL -> {
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors, "problem.validation.detail");
        }
        channels.requireOfficial(content.channels(), i -> "channels[" + i + "]");
        return content;
    }
}
