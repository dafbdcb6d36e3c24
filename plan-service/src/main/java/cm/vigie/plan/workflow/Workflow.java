package cm.vigie.plan.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import cm.vigie.commons.http.ETags;
import cm.vigie.commons.problem.ProblemCode;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.plan.audit.PlanAudit;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The approval machinery every item shares: submit, approve, reject and the moves after approval, with the
 * institution's policy, the four-eyes rule and optimistic concurrency. Call inside the caller's transaction.
 */
@ApplicationScoped
public class Workflow {

    private final ApprovalPolicyService policies;
    private final SecurityIdentity identity;
    private final PlanAudit audit;
    private final EntityManager entityManager;

    Workflow(ApprovalPolicyService policies, SecurityIdentity identity, PlanAudit audit, EntityManager entityManager) {
        this.policies = policies;
        this.identity = identity;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /** If-Match is optional on workflow actions; when sent it must match (412), and the version check holds anyway. */
    public static void checkIfMatch(String ifMatch, WorkflowItem item) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, item.version);
        }
    }

    public void submit(WorkflowItem item, String ifMatch, String comment) {
        checkIfMatch(ifMatch, item);
        requireStatus(item, "submit", ItemStatus.DRAFT);
        item.approvals = new ArrayList<>();
        change(item, "SUBMITTED", ItemStatus.IN_REVIEW, comment);
    }

    /** Adds the caller's approval; the item is APPROVED once the policy's count is reached. */
    public void approve(WorkflowItem item, String ifMatch, String comment) {
        checkIfMatch(ifMatch, item);
        requireStatus(item, "approve", ItemStatus.IN_REVIEW);
        ApprovalPolicy policy = policies.current();
        String actor = requireApprover(item, policy);
        if (item.approvals.stream().anyMatch(a -> a.by().equals(actor))) {
            throw ProblemException.invalidTransition("workflow.already-approved");
        }
        List<Approval> approvals = new ArrayList<>(item.approvals);
        approvals.add(new Approval(actor, Clocks.now(), comment));
        item.approvals = approvals;
        ItemStatus to = approvals.size() >= item.approvalsNeeded(policy) ? ItemStatus.APPROVED : ItemStatus.IN_REVIEW;
        change(item, "APPROVED", to, comment);
    }

    /** Sends the item back to DRAFT with a reason; the approvals given so far no longer count. */
    public void reject(WorkflowItem item, String ifMatch, String comment) {
        checkIfMatch(ifMatch, item);
        requireStatus(item, "reject", ItemStatus.IN_REVIEW);
        if (comment == null) {
            throw ProblemException.invalid("comment", "workflow.reject.reason-required");
        }
        String actor = requireApprover(item, policies.current());
        item.rejection = new Rejection(actor, Clocks.now(), comment);
        item.approvals = new ArrayList<>();
        change(item, "REJECTED", ItemStatus.DRAFT, comment);
    }

    /** Any other move (activate, publish, close, cancel) allowed only from the given statuses. */
    public void move(WorkflowItem item, String ifMatch, String action, Set<ItemStatus> from, ItemStatus to,
            String comment) {
        checkIfMatch(ifMatch, item);
        requireStatus(item, action.toLowerCase(), from.toArray(ItemStatus[]::new));
        change(item, action, to, comment);
    }

    /** Editing needs the item in one of these statuses; otherwise 409. */
    public static void requireStatus(WorkflowItem item, String action, ItemStatus... allowed) {
        for (ItemStatus status : allowed) {
            if (item.status == status) {
                return;
            }
        }
        throw ProblemException.invalidTransition("workflow.transition", action, item.status);
    }

    private String requireApprover(WorkflowItem item, ApprovalPolicy policy) {
        String actor = audit.actor();
        if (policy.approverRoles.stream().noneMatch(identity::hasRole)) {
            throw new ProblemException(ProblemType.FORBIDDEN, ProblemCode.NOT_AN_APPROVER, "workflow.not-an-approver", String.join(", ", policy.approverRoles));
        }
        if (actor.equals(item.createdBy) || actor.equals(item.lastEditedBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN, ProblemCode.FOUR_EYES, "workflow.four-eyes");
        }
        return actor;
    }

    private void change(WorkflowItem item, String action, ItemStatus to, String comment) {
        ItemStatus from = item.status;
        item.status = to;
        item.updatedAt = Clocks.now();
        flush();
        audit.record(item.institutionId, action, item.kind().name(), item.id, from.name(), to.name(), comment, null, null);
    }

    /** Writes now, so that a concurrent change of the same version loses here with 412 rather than at commit. */
    public void flush() {
        try {
            entityManager.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "workflow.concurrent-change");
        }
    }
}
