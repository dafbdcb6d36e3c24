package cm.vigie.accounts.institution;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** Platform operators read and set an institution's quotas (docs/adr/0027-institution-quotas.md). */
@Path("/api/institutions/{id}/quotas")
@Tag(name = "Institutions", description = "Tenants of the platform (platform operators)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a platform operator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InstitutionQuotaResource {

    private static final String QUOTAS_EXAMPLE = """
            {"institutionId":"2f6c1a8e-5b7d-4c1e-9a3f-0e4d2b6c8a10","slug":"minsante",\
            "limits":{"watchlists":300,"hoaxes":2000,"sources":200,"webhooks":20,"protectedPersons":500,"alertStreams":50,"alertStreamsPerUser":5,"runningExercises":3},\
            "overrides":{"watchlists":300},\
            "defaults":{"watchlists":200,"hoaxes":2000,"sources":200,"webhooks":20,"protectedPersons":500,"alertStreams":50,"alertStreamsPerUser":5,"runningExercises":3}}""";

    private final InstitutionQuotaService quotas;

    InstitutionQuotaResource(InstitutionQuotaService quotas) {
        this.quotas = quotas;
    }

    @GET
    @Operation(operationId = "getInstitutionQuotas", summary = "Read an institution's quotas: in force, set by operators, and the defaults",
            description = "Returns an institution's quotas: those in force, those set by platform operators and the platform defaults; the ETag carries the institution's version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The quotas; ETag carries the institution's version", content = @Content(
            schema = @Schema(implementation = InstitutionQuotasView.class), examples = @ExampleObject(name = "quotas", value = QUOTAS_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        return answer(quotas.get(id));
    }

    @PUT
    @Operation(operationId = "setInstitutionQuotas", summary = "Set an institution's quotas (If-Match required); a null or absent member returns that quota to its default",
            description = "Applies at once in accounts-service and within the institution directory's refresh (15 s) on the other services. "
                    + "Lowering a quota below what the institution holds deletes nothing: only new creations are refused. Recorded in the institution's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "raise watchlists", value = "{\"watchlists\":300}")))
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = InstitutionQuotasView.class),
            examples = @ExampleObject(name = "quotas", value = QUOTAS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A quota below 0 or above 1,000,000", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The institution changed since read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response set(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull QuotaSettings settings) {
        return answer(quotas.update(id, ifMatch, settings));
    }

    private static Response answer(InstitutionQuotaService.Versioned quotas) {
        return Response.ok(quotas.view()).header(HttpHeaders.ETAG, ETags.of(quotas.version())).build();
    }
}
