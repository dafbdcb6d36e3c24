package cm.vigie.accounts.official;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.accounts.api.PageSchemas;
import cm.vigie.accounts.history.HistoryEntry;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** The official accounts of the caller's institution. */
@Path("/api/accounts/official")
@Tag(name = "Official accounts", description = "The accounts an institution publishes from")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OfficialAccountResource {

    private static final String EXAMPLE = """
            {"platform":"FACEBOOK","handle":"@MinSanteCM","displayName":"Ministère de la Santé publique","url":"https://www.facebook.com/MinSanteCM"}""";

    private static final String ACCOUNT_EXAMPLE = """
            {"id":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","platform":"FACEBOOK","handle":"minsantecm",\
            "displayName":"Ministère de la Santé publique","url":"https://www.facebook.com/MinSanteCM","status":"ACTIVE",\
            "verification":"PENDING_VERIFICATION","createdAt":"2026-11-27T08:00:00Z","updatedAt":"2026-11-27T08:00:00Z"}""";
    private static final String COMPROMISED_EXAMPLE = """
            {"id":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","platform":"FACEBOOK","handle":"minsantecm",\
            "displayName":"Ministère de la Santé publique","url":"https://www.facebook.com/MinSanteCM","status":"COMPROMISED",\
            "statusReason":"Password reset by an unknown person; the page posts scam links",\
            "verification":"VERIFIED","verifiedAt":"2026-11-27T08:30:00Z","createdAt":"2026-11-27T08:00:00Z","updatedAt":"2026-11-27T09:15:00Z"}""";
    private static final String PAGE_EXAMPLE = "{\"items\":[" + ACCOUNT_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1}";
    private static final String STATUS_EXAMPLE = """
            {"status":"COMPROMISED","reason":"Password reset by an unknown person; the page posts scam links"}""";
    private static final String HISTORY_EXAMPLE = """
            {"items":[{"id":"0b8e6a4c-1f2d-4e3a-9c5b-7d6e5f4a3b21","at":"2026-11-27T09:15:00Z","actor":"cm",\
            "action":"OFFICIAL_ACCOUNT_STATUS_CHANGED","before":"ACTIVE","after":"COMPROMISED",\
            "reason":"Password reset by an unknown person"}],"page":0,"size":20,"total":1}""";

    private final OfficialAccountService service;

    OfficialAccountResource(OfficialAccountService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "createOfficialAccount", summary = "Register an official account of your institution",
            description = "Registers an account (platform and handle, normalised) as an official account of the caller's institution; public verification and impersonation scoring use it at once. The creation is audited in the account's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "facebook", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag set", content = @Content(schema = @Schema(implementation = OfficialAccountView.class), examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This (platform, handle) is already an official account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull OfficialAccountRequest request, UriInfo uri) {
        OfficialAccount account = service.create(request);
        return withETag(Response.created(uri.getAbsolutePathBuilder().path(account.id.toString()).build()), account);
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listOfficialAccounts", summary = "List your institution's official accounts, newest first by default",
            description = "Lists the institution's official accounts, one page at a time, filtered by platform or status. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = PageSchemas.OfficialAccountPage.class), examples = @ExampleObject(name = "one account", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid paging or filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<OfficialAccountView> list(
            @Parameter(description = "Only this platform") @QueryParam("platform") Platform platform,
            @Parameter(description = "Only this status") @QueryParam("status") AccountStatus status,
            @Valid @BeanParam PageRequest page) {
        return service.list(platform, status, page).map(OfficialAccountView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getOfficialAccount", summary = "Read an official account",
            description = "Returns one official account of the institution; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The account; ETag carries its version", content = @Content(schema = @Schema(implementation = OfficialAccountView.class), examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such account in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return withETag(Response.ok(), service.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "updateOfficialAccount", summary = "Replace an official account's fields (If-Match required)",
            description = "Replaces an official account's fields. Requires If-Match; the change is recorded in the account's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "facebook", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated; new ETag", content = @Content(schema = @Schema(implementation = OfficialAccountView.class), examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such account in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This (platform, handle) is already an official account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OfficialAccountRequest request) {
        return withETag(Response.ok(), service.update(id, ifMatch, request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "deleteOfficialAccount", summary = "Remove an official account (If-Match optional)",
            description = "Removes an official account: it is no longer answered as official by the public check. If-Match is optional (412 when it does not match); the removal is audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such account in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "changeOfficialAccountStatus", summary = "Mark an official account compromised, recovered, archived or active again, with the reason (If-Match optional)",
            description = "Moves an official account to COMPROMISED, RECOVERED, ARCHIVED or back to ACTIVE, with a reason; a compromised account is answered as such by the public check. The move and its reason are recorded in the account's history.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "compromised", value = STATUS_EXAMPLE),
            @ExampleObject(name = "recovered", value = """
                    {"status":"RECOVERED","reason":"Control regained through Meta's hacked-account procedure"}""") }))
    @APIResponse(responseCode = "200", description = "Status changed; the change and its reason are in the history", content = @Content(schema = @Schema(implementation = OfficialAccountView.class),
            examples = @ExampleObject(name = "compromised", value = COMPROMISED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Status or reason missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This status cannot follow the current one", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OfficialAccountStatusChange change) {
        return withETag(Response.ok(), service.changeStatus(id, ifMatch, change));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getOfficialAccountHistory", summary = "Every recorded change of an official account, oldest first (read-only)",
            description = "Lists every recorded change of an official account (fields, status, custodians, verification), oldest first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page of history", content = @Content(schema = @Schema(implementation = PageSchemas.HistoryPage.class), examples = @ExampleObject(name = "status change", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<HistoryEntry> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.history(id, page);
    }

    private static Response withETag(Response.ResponseBuilder response, OfficialAccount account) {
        return response.entity(OfficialAccountView.of(account)).header(HttpHeaders.ETAG, ETags.of(account.version)).build();
    }
}
