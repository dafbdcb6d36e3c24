package cm.vigie.watch.hoax;

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

import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** The caller's institution's known hoaxes. */
@Path("/api/watch/hoaxes")
@Tag(name = "Hoaxes", description = "Known hoaxes, recognised in every ingested mention by near-duplicate detection")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class HoaxResource {

    private static final String EXAMPLE = """
            {"claims":["Le vaccin contre la COVID-19 contient une puce 5G pour surveiller la population.","COVID-19 vaccines contain a 5G microchip to track people."],"verdict":"FALSE","debunkUrl":"https://www.minsante.cm/verifications/puce-5g","shared":true}""";

    private final HoaxService service;

    HoaxResource(HoaxService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "createHoax", summary = "Register a known hoax; shared ones are published read-only to every institution",
            description = "Registers a known hoax (its claims, verdict and rebuttal); mentions ingested from now on are compared with it, and a shared one is published read-only to every institution. Audited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "vaccine-chip", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag set; mentions are compared with it from now on", content = @Content(schema = @Schema(implementation = HoaxView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a claim with fewer than three content words", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An exercise hoax cannot be shared", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull HoaxRequest request, UriInfo uri) {
        Hoax hoax = service.create(request);
        return withETag(Response.created(uri.getAbsolutePathBuilder().path(hoax.id.toString()).build()), hoax);
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listHoaxes", summary = "List your institution's known hoaxes, newest first by default",
            description = "Lists the institution's own known hoaxes, one page at a time. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<HoaxView> list(
            @Parameter(description = "Only this verdict") @QueryParam("verdict") Verdict verdict,
            @Parameter(description = "Only shared (true) or private (false) hoaxes") @QueryParam("shared") Boolean shared,
            @Valid @BeanParam PageRequest page) {
        return service.list(verdict, shared, page).map(HoaxView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getHoax", summary = "Read one of your institution's hoaxes",
            description = "Returns one of the institution's hoaxes; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The hoax; ETag carries its version", content = @Content(schema = @Schema(implementation = HoaxView.class)))
    @APIResponse(responseCode = "404", description = "No such hoax in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return withETag(Response.ok(), service.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "updateHoax", summary = "Replace a hoax's fields (If-Match required); only its owner can",
            description = "Replaces a hoax's fields; ingestion compares mentions with the new claims at once. Requires If-Match; only the owning institution can; audited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "vaccine-chip", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated; new ETag", content = @Content(schema = @Schema(implementation = HoaxView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such hoax in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An exercise hoax cannot be shared", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull HoaxRequest request) {
        return withETag(Response.ok(), service.update(id, ifMatch, request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "deleteHoax", summary = "Remove a hoax (If-Match optional); mentions are no longer compared with it",
            description = "Removes a hoax: mentions are no longer compared with it (flags already set stay). If-Match is optional; audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such hoax in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/check")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "checkHoaxes", summary = "Compare a text with your hoaxes and the shared ones, as ingestion does; stores nothing",
            description = "Compares a text with the institution's hoaxes and the shared ones, as ingestion does, and returns those it restates, most similar first. Stores nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "restatement", value = """
            {"text":"🚨 URGENT le vaccin covid contient une puce 5G pour surveiller la population!! #StopVaccin"}""")))
    @APIResponse(responseCode = "200", description = "The hoaxes it restates, most similar first", content = @Content(schema = @Schema(implementation = HoaxCheckResponse.class), examples = @ExampleObject(name = "one", value = """
            {"matches":[{"hoaxId":"0b6f2f6e-6d0c-4d5e-9f51-6a4b8f2d9c10","similarity":0.82,"verdict":"FALSE","debunkUrl":"https://www.minsante.cm/verifications/puce-5g","own":true}]}""")))
    @APIResponse(responseCode = "400", description = "Text missing or too long", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HoaxCheckResponse check(@Valid @NotNull HoaxCheckRequest request) {
        return service.check(request.text());
    }

    private static Response withETag(Response.ResponseBuilder response, Hoax hoax) {
        return response.entity(HoaxView.of(hoax)).header(HttpHeaders.ETAG, ETags.of(hoax.version)).build();
    }
}
