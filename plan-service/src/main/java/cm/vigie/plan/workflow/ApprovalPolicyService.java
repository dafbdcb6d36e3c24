package cm.vigie.plan.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cm.vigie.commons.http.ETags;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.plan.audit.PlanAudit;

@ApplicationScoped
public class ApprovalPolicyService {

    static final String AUDIT_TARGET = "APPROVAL_POLICY";

    private final ApprovalPolicyRepository policies;
    private final PolicySettings defaults;
    private final CurrentInstitution institution;
    private final PlanAudit audit;

    ApprovalPolicyService(ApprovalPolicyRepository policies, PolicySettings defaults, CurrentInstitution institution,
            PlanAudit audit) {
        this.policies = policies;
        this.defaults = defaults;
        this.institution = institution;
        this.audit = audit;
    }

    /** The policy in force for the caller's institution: its own, or the defaults (never persisted by a read). */
    public ApprovalPolicy current() {
        return policies.current().orElseGet(this::defaults);
    }

    public boolean customised() {
        return policies.current().isPresent();
    }

    public Duration deadlineFor(Severity severity) {
        ApprovalPolicy policy = current();
        return Duration.ofHours(switch (severity) {
            case CRITICAL -> policy.deadlineCriticalHours;
            case HIGH -> policy.deadlineHighHours;
            case MEDIUM -> policy.deadlineMediumHours;
            case LOW -> policy.deadlineLowHours;
        });
    }

    @Transactional
    public ApprovalPolicy update(String ifMatch, ApprovalPolicyRequest request) {
        ApprovalPolicy policy = policies.current().orElse(null);
        Object before = null;
        if (policy == null) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                ETags.requireMatch(ifMatch, 0);
            }
            policy = defaults();
            policy.id = UUID.randomUUID();
        } else {
            ETags.requireMatch(ifMatch, policy.version);
            before = ApprovalPolicyView.of(policy, true);
        }
        policy.approvalsNeeded = request.approvalsNeeded();
        policy.approverRoles = new ArrayList<>(request.approverRoles().stream().distinct().sorted().toList());
        policy.deadlineCriticalHours = request.deadlineCriticalHours();
        policy.deadlineHighHours = request.deadlineHighHours();
        policy.deadlineMediumHours = request.deadlineMediumHours();
        policy.deadlineLowHours = request.deadlineLowHours();
        policy.escalationMinutes = request.escalationMinutes();
        policy.publicationGapMinutes = request.publicationGapMinutes();
        policy.updatedAt = Clocks.now();
        if (!policies.isPersistent(policy)) {
            policies.persist(policy);
        }
        policies.flush();
        audit.record(institution.slug().orElseThrow(), "POLICY_UPDATED", AUDIT_TARGET, policy.id, null, null, null,
                before, ApprovalPolicyView.of(policy, true));
        return policy;
    }

    private ApprovalPolicy defaults() {
        ApprovalPolicy policy = new ApprovalPolicy();
        policy.approvalsNeeded = defaults.approvalsNeeded();
        policy.approverRoles = new ArrayList<>(defaults.approverRoles());
        policy.deadlineCriticalHours = defaults.deadlineCriticalHours();
        policy.deadlineHighHours = defaults.deadlineHighHours();
        policy.deadlineMediumHours = defaults.deadlineMediumHours();
        policy.deadlineLowHours = defaults.deadlineLowHours();
        policy.escalationMinutes = defaults.escalationMinutes();
        policy.publicationGapMinutes = defaults.publicationGapMinutes();
        return policy;
    }
}
