package cm.vigie.accounts.member;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MemberRolesChange", description = "The member's institution roles after the change (all of them)")
public record RolesChange(
        @NotEmpty @Size(max = 5) @Schema(examples = "[\"community-manager\",\"approver\"]") List<@NotBlank String> roles) {
}
