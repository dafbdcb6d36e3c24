package cm.vigie.accounts.member;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cm.vigie.accounts.keycloak.RealmUser;

/**
 * A member of the institution. Institution admins see every field; other roles see only id, names and roles (the
 * other fields are absent).
 */
@Schema(name = "Member", description = "A member of the institution (a user of its Keycloak realm). Other roles than institution-admin see only id, firstName, lastName and roles.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberView(
        @Schema(description = "The Keycloak user id", examples = "5f0c2a9e-8d1b-4c3e-9a7f-2b6d4e8c1a03") String id,
        @Schema(description = "Sign-in name (the e-mail address for invited members); institution-admin only", examples = "j.ngono@minsante.cm") String username,
        @Schema(description = "Institution-admin only", examples = "j.ngono@minsante.cm") String email,
        @Schema(examples = "Jeanne") String firstName,
        @Schema(examples = "Ngono") String lastName,
        @Schema(description = "Vigie institution roles", examples = "[\"approver\"]") List<String> roles,
        @Schema(description = "Institution-admin only") MemberStatus status,
        @Schema(description = "Start of the member's latest live Keycloak session; absent when none is live. Institution-admin only", examples = "2026-12-07T08:15:00Z") Instant lastSignIn,
        @Schema(description = "A TOTP or WebAuthn credential is enrolled; institution-admin only") Boolean twoFactorEnrolled,
        @Schema(description = "What Keycloak still asks at the next sign-in (UPDATE_PASSWORD, CONFIGURE_TOTP); institution-admin only") List<String> requiredActions,
        @Schema(description = "When the Keycloak user was created; institution-admin only", examples = "2026-12-07T08:00:00Z") Instant createdAt) {

    static MemberView full(RealmUser user) {
        return new MemberView(user.id(), user.username(), user.email(), user.firstName(), user.lastName(), user.roles(),
                MemberStatus.of(user), user.lastSignIn(), user.twoFactorEnrolled(), user.requiredActions(), user.createdAt());
    }

    static MemberView restricted(RealmUser user) {
        return new MemberView(user.id(), null, null, user.firstName(), user.lastName(), user.roles(), null, null, null,
                null, null);
    }
}
