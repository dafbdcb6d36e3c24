package cm.vigie.watch.retention;

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

@Path("/api/watch/retention")
@Tag(name = "Retention", description = "How long the institution's mentions are kept (the platform's period or a shorter one)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RetentionResource {

    private final RetentionService service;

    RetentionResource(RetentionService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getWatchRetention", summary = "Read how long your institution's mentions are kept",
            description = "Returns how many months the institution's mentions are kept; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The period; ETag carries its version", content = @Content(schema = @Schema(implementation = RetentionView.class)))
    public Response get() {
        RetentionService.Versioned read = service.get();
        return Response.ok(read.view()).header(HttpHeaders.ETAG, ETags.of(read.version())).build();
    }

    @PUT
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "updateWatchRetention", summary = "Set a shorter period for your institution's mentions (If-Match required)",
            description = "Mentions published before the new period are deleted by a background job in small batches.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "six months", value = "{\"months\":6}")))
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = RetentionView.class)))
    @APIResponse(responseCode = "400", description = "Months below 1 or above the platform's period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull RetentionRequest request) {
        RetentionService.Versioned updated = service.update(ifMatch, request);
        return Response.ok(updated.view()).header(HttpHeaders.ETAG, ETags.of(updated.version())).build();
    }
}
