package cm.vigie.plan.workflow;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApprovalPolicyRequest", description = "The institution's approval rules and response deadlines")
public record ApprovalPolicyRequest(
        @NotNull @Min(1) @Max(5) @Schema(description = "Approvals an item needs, 1 to 5 (CRITICAL response plans need one)", examples = "2") Integer approvalsNeeded,
        @NotEmpty @Size(max = 3) @Schema(description = "Roles whose holders may approve: among approver, institution-admin, community-manager", examples = "[\"approver\",\"institution-admin\"]")
        List<@NotNull @Pattern(regexp = "approver|institution-admin|community-manager", message = "{plan.policy.role}") String> approverRoles,
        @NotNull @Min(1) @Max(720) @Schema(examples = "2") Integer deadlineCriticalHours,
        @NotNull @Min(1) @Max(720) @Schema(examples = "6") Integer deadlineHighHours,
        @NotNull @Min(1) @Max(720) @Schema(examples = "24") Integer deadlineMediumHours,
        @NotNull @Min(1) @Max(720) @Schema(examples = "72") Integer deadlineLowHours,
        @NotNull @Min(1) @Max(1440) @Schema(description = "A CRITICAL response plan not approved this long after creation is escalated", examples = "30") Integer escalationMinutes,
        @NotNull @Min(0) @Max(10080) @Schema(description = "Minimum gap between two publications on one channel before a warning", examples = "120") Integer publicationGapMinutes) {
}
