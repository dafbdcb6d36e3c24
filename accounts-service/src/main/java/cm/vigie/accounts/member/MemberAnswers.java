package cm.vigie.accounts.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers of member operations that carry more than the member. */
public final class MemberAnswers {

    private MemberAnswers() {
    }

    @Schema(name = "MemberActivation", description = "The member and their one-time activation secret: a temporary password, shown once, never stored by Vigie. They sign in with their user name and this secret, then must choose a password (and enrol two-factor where the policy requires it).")
    public record Activation(MemberView member,
            @Schema(description = "One-time temporary password; give it to the member by a channel other than their e-mail", examples = "Xk7m-Qp2R-bn4T-wZ9c") String activationSecret) {
    }

    @Schema(name = "MemberDeactivationResult", description = "The member disabled (or removed) and the official accounts whose keys they held")
    public record Deactivation(MemberView member, List<PageToHandOver> pagesToHandOver) {
    }

    @Schema(name = "InstitutionMembersSummary", description = "An operator's view of an institution's team: counts, two-factor coverage, pending invitations")
    public record Summary(UUID institutionId, String slug,
            @Schema(description = "Every member") int members, int active, int invited, int disabled,
            @Schema(description = "Members not disabled who have a second factor enrolled") int twoFactorEnrolled,
            @Schema(description = "twoFactorEnrolled out of the members not disabled, in percent (100 when there are none)", examples = "60") int twoFactorCoveragePercent,
            List<PendingInvitation> pendingInvitations) {
    }

    @Schema(name = "PendingInvitation", description = "A member who has not activated their account yet")
    public record PendingInvitation(String memberId, String username, List<String> roles, Instant invitedAt) {
    }

    @Schema(name = "AdminActivation", description = "A new one-time secret for the institution's first administrator, who has not activated yet")
    public record AdminActivation(String memberId, String username, String email,
            @Schema(description = "One-time temporary password, shown once, never stored", examples = "Xk7m-Qp2R-bn4T-wZ9c") String activationSecret) {
    }
}
