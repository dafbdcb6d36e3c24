package cm.vigie.plan.workflow;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApprovalPolicy", description = "The institution's approval rules and response deadlines")
public record ApprovalPolicyView(
        @Schema(examples = "1") int approvalsNeeded,
        @Schema(examples = "[\"approver\",\"institution-admin\"]") List<String> approverRoles,
        @Schema(examples = "2") int deadlineCriticalHours,
        @Schema(examples = "6") int deadlineHighHours,
        @Schema(examples = "24") int deadlineMediumHours,
        @Schema(examples = "72") int deadlineLowHours,
        @Schema(examples = "30") int escalationMinutes,
        @Schema(examples = "120") int publicationGapMinutes,
        @Schema(description = "False while the platform defaults apply", examples = "true") boolean customised,
        @Schema(examples = "0") long version) {

    static ApprovalPolicyView of(ApprovalPolicy policy, boolean customised) {
        return new ApprovalPolicyView(policy.approvalsNeeded, List.copyOf(policy.approverRoles), policy.deadlineCriticalHours,
                policy.deadlineHighHours, policy.deadlineMediumHours, policy.deadlineLowHours, policy.escalationMinutes,
                policy.publicationGapMinutes, customised, policy.version);
    }
}
