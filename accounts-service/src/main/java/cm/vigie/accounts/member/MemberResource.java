package cm.vigie.accounts.member;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.accounts.api.PageSchemas;
import cm.vigie.accounts.history.HistoryEntry;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.Roles;

/** The members of the caller's institution (users of its Keycloak realm), managed by its institution admins. */
@Path("/api/institutions/me/members")
@Tag(name = "Members", description = "The people of an institution, their roles and their access")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Keycloak unreachable; nothing was changed or the change is not confirmed: read the member again", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MemberResource {

    private static final String INVITE_EXAMPLE = """
            {"email":"j.ngono@minsante.cm","firstName":"Jeanne","lastName":"Ngono","roles":["approver"],"locale":"fr"}""";
    private static final String MEMBER_EXAMPLE = """
            {"id":"5f0c2a9e-8d1b-4c3e-9a7f-2b6d4e8c1a03","username":"j.ngono@minsante.cm","email":"j.ngono@minsante.cm",\
            "firstName":"Jeanne","lastName":"Ngono","roles":["approver"],"status":"INVITED","twoFactorEnrolled":false,\
            "requiredActions":["UPDATE_PASSWORD"],"createdAt":"2026-12-07T08:00:00Z"}""";
    private static final String ACTIVATION_EXAMPLE = "{\"member\":" + MEMBER_EXAMPLE + ",\"activationSecret\":\"Xk7m-Qp2R-bn4T-wZ9c\"}";
    private static final String PAGE_EXAMPLE = "{\"items\":[" + MEMBER_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1}";
    private static final String DEACTIVATION_EXAMPLE = """
            {"member":{"id":"5f0c2a9e-8d1b-4c3e-9a7f-2b6d4e8c1a03","username":"j.ngono@minsante.cm","firstName":"Jeanne",\
            "lastName":"Ngono","roles":["community-manager"],"status":"DISABLED","twoFactorEnrolled":true,"requiredActions":[]},\
            "pagesToHandOver":[{"id":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","platform":"FACEBOOK","handle":"minsantecm",\
            "displayName":"Ministère de la Santé publique"}]}""";
    private static final String ACTIVE_EXAMPLE = """
            {"id":"5f0c2a9e-8d1b-4c3e-9a7f-2b6d4e8c1a03","username":"j.ngono@minsante.cm","email":"j.ngono@minsante.cm",\
            "firstName":"Jeanne","lastName":"Ngono","roles":["community-manager","approver"],"status":"ACTIVE",\
            "twoFactorEnrolled":true,"requiredActions":[],"createdAt":"2026-12-07T08:00:00Z"}""";
    private static final String HISTORY_EXAMPLE = """
            {"items":[{"id":"0b8e6a4c-1f2d-4e3a-9c5b-7d6e5f4a3b21","at":"2026-12-07T09:15:00Z","actor":"admin",\
            "action":"MEMBER_DISABLED","before":"ACTIVE","after":"DISABLED","reason":"Left the ministry"}],\
            "page":0,"size":20,"total":1}""";
    private static final String READERS = "Every institution role may call it (institution-admin, community-manager, analyst, approver, viewer); ";
    private static final String ADMIN_ONLY = "Only institution-admin may call it. ";

    private final MemberService service;
    private final ObjectMapper json;
    private final Validator validator;

    MemberResource(MemberService service, ObjectMapper json, Validator validator) {
        this.service = service;
        this.json = json;
        this.validator = validator;
    }

    /** The optional body of disable and remove: read by hand, since a request without one has no content type. */
    private DeactivationRequest deactivation(byte[] body) {
        if (body == null || new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
            return null;
        }
        DeactivationRequest request;
        try {
            // from the bytes, so that Jackson refuses invalid UTF-8 instead of a decoder replacing it silently
            request = json.readValue(body, DeactivationRequest.class);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "member.body-malformed");
        }
        if (request != null && !validator.validate(request).isEmpty()) {
            throw ProblemException.invalid("reason", "member.reason-too-long", 500);
        }
        return request;
    }

    @POST
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "inviteMember", summary = "Invite a member into your institution",
            description = "Creates the member as a user of your institution's Keycloak realm, with the given institution roles and a one-time activation secret (a temporary password) returned once in this answer and never stored by Vigie. At first sign-in Keycloak makes them choose a password (UPDATE_PASSWORD) and, when your sign-in policy requires two-factor for one of their roles, enrol TOTP (CONFIGURE_TOTP). "
                    + ADMIN_ONLY + "Changes: a Keycloak user, the member's version and history (MEMBER_INVITED).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "approver", value = INVITE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Invited; Location and ETag set; the secret is shown only here", headers = @Header(name = "ETag", description = "The member's version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MemberAnswers.Activation.class), examples = @ExampleObject(name = "invited", value = ACTIVATION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a role that is not an institution role (field roles)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A member with this e-mail address exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response invite(@Valid @NotNull InvitationRequest request, UriInfo uri) {
        var invited = service.invite(request);
        return Response.created(uri.getAbsolutePathBuilder().path(invited.value().member().id()).build())
                .header(HttpHeaders.ETAG, ETags.of(invited.version())).entity(invited.value()).build();
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listMembers", summary = "List your institution's members, by user name",
            description = "One page of the members of your institution. " + READERS
                    + "institution-admin sees every field (e-mail, status INVITED/ACTIVE/DISABLED, last sign-in from Keycloak's live sessions, two-factor enrolled), the other roles only id, names and roles. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = PageSchemas.MemberPage.class), examples = @ExampleObject(name = "one member", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<MemberView> list(@Valid @BeanParam PageRequest page) {
        return service.list(page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getMember", summary = "Read a member",
            description = "One member of your institution, with the ETag to change their roles. " + READERS
                    + "institution-admin sees every field, the other roles only id, names and roles. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The member; ETag carries their version", headers = @Header(name = "ETag", description = "The member's version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MemberView.class), examples = @ExampleObject(name = "member", value = MEMBER_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such member in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        var member = service.get(id);
        return okWithETag(member);
    }

    @PUT
    @Path("/{id}/roles")
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "changeMemberRoles", summary = "Replace a member's roles (If-Match required)",
            description = "Sets the member's institution roles to exactly the given ones; effective at the member's next token (tokens already issued keep their roles until they expire). The last active institution-admin can never lose the role (409). "
                    + ADMIN_ONLY + "Changes: the member's realm roles in Keycloak, their version and history (MEMBER_ROLES_CHANGED).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two roles", value = "{\"roles\":[\"community-manager\",\"approver\"]}")))
    @APIResponse(responseCode = "200", description = "Changed; new ETag", headers = @Header(name = "ETag", description = "The member's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MemberView.class), examples = @ExampleObject(name = "two roles", value = ACTIVE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No role, or a role that is not an institution role (field roles)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such member in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This would demote the last institution-admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeRoles(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RolesChange change) {
        var member = service.changeRoles(id, ifMatch, change);
        return okWithETag(member);
    }

    @POST
    @Path("/{id}/disable")
    @Consumes(MediaType.WILDCARD) // the body is optional or absent
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "disableMember", summary = "Disable a member and end their sessions",
            description = "The member can no longer sign in; their sessions end, so their refresh token fails at once and their access token lapses within its lifetime. The answer lists the official accounts whose keys they held (pagesToHandOver). The last active institution-admin can never be disabled (409). "
                    + ADMIN_ONLY + "Changes: the Keycloak user (disabled, signed out), the member's version and history (MEMBER_DISABLED, with the reason); security findings on the pages they held.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeactivationRequest.class), examples = @ExampleObject(name = "left", value = "{\"reason\":\"Left the ministry on 2026-12-01\"}")))
    @APIResponse(responseCode = "200", description = "Disabled (or already disabled); new ETag", headers = @Header(name = "ETag", description = "The member's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MemberAnswers.Deactivation.class), examples = @ExampleObject(name = "disabled", value = DEACTIVATION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Reason too long", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such member in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This is the last active institution-admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response disable(@PathParam("id") String id, byte[] body) {
        var result = service.disable(id, deactivation(body));
        return okWithETag(result);
    }

    @POST
    @Path("/{id}/enable")
    @Consumes(MediaType.WILDCARD) // the body is optional or absent
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "enableMember", summary = "Re-enable a disabled member",
            description = "The member can sign in again with their password. " + ADMIN_ONLY
                    + "Changes: the Keycloak user (enabled), the member's version and history (MEMBER_ENABLED).")
    @APIResponse(responseCode = "200", description = "Enabled (or already enabled); new ETag", headers = @Header(name = "ETag", description = "The member's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MemberView.class), examples = @ExampleObject(name = "enabled", value = ACTIVE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such member in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enable(@PathParam("id") String id) {
        var member = service.enable(id);
        return okWithETag(member);
    }

    @POST
    @Path("/{id}/reset-credentials")
    @Consumes(MediaType.WILDCARD) // the body is optional or absent
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "resetMemberCredentials", summary = "Give a member a new one-time activation secret",
            description = "Replaces the member's password by a new one-time temporary password returned once in this answer (never stored by Vigie), requires them to choose a password at next sign-in and ends their sessions; their status becomes INVITED until they do. "
                    + ADMIN_ONLY + "Changes: the Keycloak user's password, required actions and sessions, the member's version and history (MEMBER_CREDENTIALS_RESET).")
    @APIResponse(responseCode = "200", description = "Reset; the secret is shown only here; new ETag", headers = @Header(name = "ETag", description = "The member's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MemberAnswers.Activation.class), examples = @ExampleObject(name = "reset", value = ACTIVATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such member in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resetCredentials(@PathParam("id") String id) {
        var reset = service.resetCredentials(id);
        return okWithETag(reset);
    }

    @POST
    @Path("/{id}/sign-out")
    @Consumes(MediaType.WILDCARD) // the body is optional or absent
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "signOutMember", summary = "Sign a member out everywhere",
            description = "Ends every Keycloak session of the member: their refresh tokens fail at once, access tokens already issued lapse within their lifetime. "
                    + ADMIN_ONLY + "Changes: the member's sessions and history (MEMBER_SIGNED_OUT).")
    @APIResponse(responseCode = "200", description = "Signed out: the member, without live sessions", content = @Content(schema = @Schema(implementation = MemberView.class), examples = @ExampleObject(name = "signed out", value = ACTIVE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such member in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MemberView signOut(@PathParam("id") String id) {
        return service.signOut(id);
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD) // the body is optional or absent
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "removeMember", summary = "Remove a member from your institution",
            description = "Deletes the member's Keycloak user (and so every session). The answer lists the official accounts whose keys they held (pagesToHandOver); their history stays readable. The last active institution-admin can never be removed (409). "
                    + ADMIN_ONLY + "Changes: the Keycloak user (deleted), the member's history (MEMBER_REMOVED, with the reason given as ?reason=); security findings on the pages they held.")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(schema = @Schema(implementation = MemberAnswers.Deactivation.class), examples = @ExampleObject(name = "removed", value = DEACTIVATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such member in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This is the last active institution-admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Reason too long", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MemberAnswers.Deactivation remove(@PathParam("id") String id,
            @Parameter(description = "Why the member is removed; kept in their history", example = "Left the ministry on 2026-12-01")
            @QueryParam("reason") @Size(max = 500) String reason) {
        return service.remove(id, new DeactivationRequest(reason));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "getMemberHistory", summary = "Every recorded change of a member, oldest first",
            description = "Who changed what and when (invitation, roles, disable/enable, credential resets, sign-outs, removal), also after the member was removed. "
                    + ADMIN_ONLY + "Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page of history", content = @Content(schema = @Schema(implementation = PageSchemas.HistoryPage.class), examples = @ExampleObject(name = "disabled", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such member in your institution, and none recorded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<HistoryEntry> history(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        return service.history(id, page);
    }

    private static Response okWithETag(MemberService.Versioned<?> answer) {
        return Response.ok(answer.value()).header(HttpHeaders.ETAG, ETags.of(answer.version())).build();
    }
}
