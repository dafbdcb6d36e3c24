package cm.vigie.accounts.signin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.http.ETags;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** The institution's sign-in policy (docs/adr/0035-sign-in-policy-and-custodians.md). */
@Path("/api/institutions/me/sign-in-policy")
@Tag(name = "Sign-in policy", description = "How the members of your institution sign in: two-factor, passwords, sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INSTITUTION_ADMIN)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not an institution-admin, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Keycloak could not be reached; nothing was changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SignInPolicyResource {

    static final String POLICY_EXAMPLE = """
            {"twoFactor":{"required":"ROLES","roles":["community-manager","institution-admin"],"methods":["TOTP"],"membersPendingEnrolment":1},\
            "password":{"minLength":12,"upperCase":1,"lowerCase":1,"digits":1,"specialChars":0,"notUsername":true,"notEmail":true,"history":3,"expireDays":0},\
            "keycloakPasswordPolicy":"length(12) and upperCase(1) and lowerCase(1) and digits(1) and notUsername(undefined) and notEmail(undefined) and passwordHistory(3)",\
            "sessions":{"idleMinutes":30,"maxHours":10},\
            "bounds":{"passwordMinLengthFloor":8,"passwordMinLengthCeiling":64,"characterClassCeiling":8,"passwordHistoryCeiling":24,\
            "passwordExpireDaysFloor":30,"passwordExpireDaysCeiling":365,"sessionIdleMinutesFloor":5,"sessionIdleMinutesCeiling":720,\
            "sessionMaxHoursFloor":1,"sessionMaxHoursCeiling":168},\
            "updatedAt":"2026-12-07T10:00:00Z","updatedBy":"admin"}""";
    static final String REQUEST_EXAMPLE = """
            {"twoFactor":{"required":"ROLES","roles":["community-manager","institution-admin"]},\
            "password":{"minLength":12,"upperCase":1,"lowerCase":1,"digits":1,"specialChars":0,"notUsername":true,"notEmail":true,"history":3,"expireDays":0},\
            "sessions":{"idleMinutes":30,"maxHours":10}}""";

    private final SignInPolicyService service;

    SignInPolicyResource(SignInPolicyService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getSignInPolicy", summary = "Read your institution's sign-in policy as in force",
            description = "Answers the sign-in policy of the caller's institution: for whom two-factor (TOTP) is required and how many "
                    + "of them have not enrolled yet, the password rules and the session lifetimes as read back from the institution's "
                    + "Keycloak realm, and the bounds the platform allows. Roles: institution-admin. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries its version for If-Match",
            headers = @Header(name = HttpHeaders.ETAG, description = "Version of the policy", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SignInPolicyView.class), examples = @ExampleObject(name = "policy", value = POLICY_EXAMPLE)))
    public Response get() {
        return answer(service.get());
    }

    @PUT
    @Operation(operationId = "setSignInPolicy", summary = "Set your institution's sign-in policy (the whole policy, If-Match required)",
            description = "Applies the policy to the institution's Keycloak realm: its password policy and its SSO session idle timeout and "
                    + "maximum lifespan are replaced, and every member who must use two-factor and has no TOTP yet is made to enrol at the "
                    + "next sign-in (members no longer required lose that pending step). Values outside the platform's bounds answer 400 "
                    + "with one field error each. Roles: institution-admin. Recorded in the institution's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two-factor for community managers and admins", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Applied; the policy as now in force",
            headers = @Header(name = HttpHeaders.ETAG, description = "Version of the policy", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SignInPolicyView.class), examples = @ExampleObject(name = "policy", value = POLICY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A value outside the platform's bounds, an unknown role, or ROLES without roles", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The policy changed since read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response set(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull SignInPolicyRequest request) {
        return answer(service.update(ifMatch, request));
    }

    private static Response answer(SignInPolicyService.Versioned policy) {
        return Response.ok(policy.view()).header(HttpHeaders.ETAG, ETags.of(policy.version())).build();
    }
}
