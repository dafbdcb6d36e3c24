package cm.vigie.accounts.member;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MemberDeactivation", description = "Why the member is disabled or removed; kept in the member's history")
public record DeactivationRequest(@Size(max = 500) @Schema(examples = "Left the ministry on 2026-12-01") String reason) {
}
