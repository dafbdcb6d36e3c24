package cm.vigie.accounts.impersonation;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.http.ETags;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** The caller's institution's impersonation threshold and default takedown SLA. */
@Path("/api/accounts/impersonation/settings")
@Tag(name = "Impersonation", description = "Scoring candidate accounts against protected persons and official accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ImpersonationSettingsResource {

    private static final String EXAMPLE = "{\"threshold\":0.6,\"defaultSlaDays\":7}";

    private final ImpersonationSettingsService service;

    ImpersonationSettingsResource(ImpersonationSettingsService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getImpersonationSettings", summary = "Read your institution's scan threshold and default takedown SLA",
            description = "Returns the institution's impersonation scan threshold and default takedown SLA, with their version in the ETag. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The settings; ETag carries their version (\"0\" while on the defaults)", content = @Content(schema = @Schema(implementation = ImpersonationSettingsView.class), examples = @ExampleObject(name = "settings", value = "{\"threshold\":0.6,\"defaultSlaDays\":7,\"defaults\":true}")))
    public Response get() {
        return withETag(service.current());
    }

    @PUT
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "updateImpersonationSettings", summary = "Set your institution's scan threshold and default takedown SLA (If-Match required)",
            description = "Replaces the institution's scan threshold and default takedown SLA; later scans use them. Requires If-Match with the ETag read; the change is recorded in the settings' history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "settings", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Saved; new ETag", content = @Content(schema = @Schema(implementation = ImpersonationSettingsView.class), examples = @ExampleObject(name = "settings", value = "{\"threshold\":0.6,\"defaultSlaDays\":7,\"defaults\":false}")))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ImpersonationSettingsRequest request) {
        return withETag(service.update(ifMatch, request));
    }

    @GET
    @Path("/history")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getImpersonationSettingsHistory", summary = "Read the history of your institution's impersonation settings, oldest first (read-only)",
            description = "Lists every recorded change of the institution's impersonation settings, with who made it and the values before and after. Changes nothing.")
    @APIResponse(responseCode = "200", description = "Every recorded change", content = @Content(schema = @Schema(implementation = cm.vigie.accounts.person.ChangeRecord.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
            examples = @ExampleObject(name = "history", value = "[{\"at\":\"2026-11-27T08:00:00Z\",\"actor\":\"admin\",\"action\":\"IMPERSONATION_SETTINGS_UPDATED\",\"from\":\"threshold=0.6,sla=7\",\"to\":\"threshold=0.5,sla=5\",\"reason\":null}]")))
    public java.util.List<cm.vigie.accounts.person.ChangeRecord> history() {
        return service.history();
    }

    private static Response withETag(ImpersonationSettingsService.Current current) {
        return Response.ok(current.view()).header(HttpHeaders.ETAG, ETags.of(current.etagVersion())).build();
    }
}
