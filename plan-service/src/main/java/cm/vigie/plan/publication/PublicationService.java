package cm.vigie.plan.publication;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.plan.accounts.ChannelCheck;
import cm.vigie.plan.audit.HistoryEntry;
import cm.vigie.plan.audit.PlanAudit;
import cm.vigie.plan.communication.CommunicationPlan;
import cm.vigie.plan.communication.CommunicationPlanRepository;
import cm.vigie.plan.workflow.ApprovalPolicyService;
import cm.vigie.plan.workflow.Clocks;
import cm.vigie.plan.workflow.ItemStatus;
import cm.vigie.plan.workflow.Workflow;

@ApplicationScoped
public class PublicationService {

    private final PublicationRepository publications;
    private final CommunicationPlanRepository plans;
    private final Workflow workflow;
    private final ApprovalPolicyService policies;
    private final PlanAudit audit;
    private final ChannelCheck channels;
    private final CurrentInstitution institution;

    PublicationService(PublicationRepository publications, CommunicationPlanRepository plans, Workflow workflow,
            ApprovalPolicyService policies, PlanAudit audit, ChannelCheck channels, CurrentInstitution institution) {
        this.publications = publications;
        this.plans = plans;
        this.workflow = workflow;
        this.policies = policies;
        this.audit = audit;
        this.channels = channels;
        this.institution = institution;
    }

    @Transactional
    public Publication create(PublicationRequest request) {
        PublicationRequest content = checked(request.normalised());
        Publication publication = new Publication();
        publication.id = UUID.randomUUID();
        publication.institutionId = institution.slug().orElseThrow();
        publication.status = ItemStatus.DRAFT;
        publication.createdBy = audit.actor();
        publication.lastEditedBy = publication.createdBy;
        publication.createdAt = Clocks.now();
        publication.updatedAt = publication.createdAt;
        apply(publication, content);
        publications.persist(publication);
        audit.record(publication.institutionId, "CREATED", publication.kind().name(), publication.id, null,
                publication.status.name(), null, null, content);
        return publication;
    }

    public Publication get(UUID id) {
        return publications.findVisible(id).orElseThrow(() -> ProblemException.notFound("publication.not-found"));
    }

    public PageResponse<Publication> list(Instant from, Instant to, UUID channelId, ItemStatus status, UUID planId,
            PageRequest page) {
        var query = publications.search(from, to, channelId, status, planId, true).page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    /** Edits a draft, or an approved publication which then needs approval again. */
    @Transactional
    public Publication update(UUID id, String ifMatch, PublicationRequest request) {
        Publication publication = get(id);
        ETags.requireMatch(ifMatch, publication.version);
        Workflow.requireStatus(publication, "edit", ItemStatus.DRAFT, ItemStatus.APPROVED);
        PublicationRequest content = checked(request.normalised());
        PublicationRequest before = publication.publication;
        ItemStatus from = publication.status;
        publication.status = ItemStatus.DRAFT;
        publication.approvals = new ArrayList<>();
        publication.lastEditedBy = audit.actor();
        publication.updatedAt = Clocks.now();
        apply(publication, content);
        workflow.flush();
        audit.record(publication.institutionId, "EDITED", publication.kind().name(), publication.id, from.name(),
                publication.status.name(), null, before, content);
        return publication;
    }

    @Transactional
    public Publication submit(UUID id, String ifMatch, String comment) {
        Publication publication = get(id);
        workflow.submit(publication, ifMatch, comment);
        return publication;
    }

    @Transactional
    public Publication approve(UUID id, String ifMatch, String comment) {
        Publication publication = get(id);
        workflow.approve(publication, ifMatch, comment);
        return publication;
    }

    @Transactional
    public Publication reject(UUID id, String ifMatch, String comment) {
        Publication publication = get(id);
        workflow.reject(publication, ifMatch, comment);
        return publication;
    }

    @Transactional
    public Publication publish(UUID id, String ifMatch, PublishRequest request) {
        Publication publication = get(id);
        Workflow.checkIfMatch(ifMatch, publication);
        Workflow.requireStatus(publication, "publish", ItemStatus.APPROVED);
        publication.publishedUrl = request.url();
        String comment = request.comment() == null || request.comment().isBlank() ? request.url()
                : request.comment().strip() + " (" + request.url() + ")";
        workflow.move(publication, ifMatch, "PUBLISHED", Set.of(ItemStatus.APPROVED), ItemStatus.PUBLISHED, comment);
        return publication;
    }

    @Transactional
    public Publication cancel(UUID id, String ifMatch, String comment) {
        Publication publication = get(id);
        workflow.move(publication, ifMatch, "CANCELLED", Set.of(ItemStatus.DRAFT, ItemStatus.IN_REVIEW, ItemStatus.APPROVED),
                ItemStatus.CANCELLED, comment);
        return publication;
    }

    public List<HistoryEntry> history(UUID id) {
        Publication publication = get(id);
        return audit.history(publication.institutionId, publication.kind().name(), publication.id);
    }

    /** Other publications on the same channel closer than the institution's gap (none for a cancelled one). */
    public List<GapWarning> warnings(Publication publication, Locale locale) {
        int gap = policies.current().publicationGapMinutes;
        if (gap == 0 || publication.status == ItemStatus.CANCELLED) {
            return List.of();
        }
        return publications.neighbours(publication, gap).stream().map(other -> {
            long apart = Math.abs(Duration.between(publication.plannedAt, other.plannedAt).toMinutes());
            return new GapWarning("CHANNEL_GAP", Messages.get(locale, "publication.gap", apart, gap), other.id,
                    other.plannedAt, apart);
        }).toList();
    }

    private static void apply(Publication publication, PublicationRequest content) {
        publication.publication = content;
        publication.channelId = content.channelId();
        publication.plannedAt = content.plannedAt();
        publication.timeZone = content.timeZone();
        publication.planId = content.planId();
    }

    /** The plan and objective must be the institution's (422), the channel an official account (422). */
    private PublicationRequest checked(PublicationRequest content) {
        if (content.planId() != null) {
            CommunicationPlan plan = plans.findVisible(content.planId()).orElseThrow(() -> new ProblemException(
                    ProblemType.UNPROCESSABLE, List.of(new FieldError("planId", "publication.plan-unknown")),
                    "publication.reference-unknown"));
            if (content.objectiveId() != null
                    && plan.plan.objectives().stream().noneMatch(o -> content.objectiveId().equals(o.id()))) {
                throw new ProblemException(ProblemType.UNPROCESSABLE,
                        List.of(new FieldError("objectiveId", "publication.objective-unknown")), "publication.reference-unknown");
            }
        }
        channels.requireOfficial(List.of(content.channelId()), i -> "channelId");
        return content;
    }
}
