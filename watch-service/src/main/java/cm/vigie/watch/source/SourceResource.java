package cm.vigie.watch.source;

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

/** The places the caller's institution collects mentions from. */
@Path("/api/watch/sources")
@Tag(name = "Sources", description = "Connectors collecting mentions: RSS and Atom feeds polled on a schedule, Facebook Pages webhooks")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SourceResource {

    private static final String RSS_EXAMPLE = """
            {"type":"RSS","name":"Journal du Cameroun","url":"https://www.journalducameroun.com/feed/","pollIntervalMinutes":15}""";
    private static final String META_EXAMPLE = """
            {"type":"META_PAGE","name":"Page Facebook MinSanté","account":"104857392011","secret":"9f2c1d8e7b6a5f4e3d2c1b0a9f8e7d6c","verifyToken":"vigie-minsante-2026"}""";

    private final SourceService service;

    SourceResource(SourceService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "createSource", summary = "Add a source: a feed to poll or a Facebook Page that pushes its events",
            description = "Adds a source of mentions: an RSS or Atom feed to poll (polled at once) or a Facebook Page that pushes its events to the Meta webhook. Audited; counts against the institution's source quota.")
    @RequestBody(content = @Content(examples = { @ExampleObject(name = "rss", value = RSS_EXAMPLE),
            @ExampleObject(name = "meta-page", value = META_EXAMPLE) }))
    @APIResponse(responseCode = "201", description = "Added; Location and ETag set; a feed is polled at once", content = @Content(schema = @Schema(implementation = SourceView.class)))
    @APIResponse(responseCode = "400", description = "Unknown type or invalid fields for it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull SourceRequest request, UriInfo uri) {
        SourceService.Versioned created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.view().id().toString()).build())
                .entity(created.view()).header(HttpHeaders.ETAG, ETags.of(created.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listSources", summary = "List your institution's sources with their collection status",
            description = "Lists the institution's sources with their collection status, one page at a time. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<SourceView> list(@Parameter(description = "Only this connector type", example = "RSS") @QueryParam("type") String type,
            @Parameter(description = "Only active (true) or paused (false) sources") @QueryParam("active") Boolean active,
            @Valid @BeanParam PageRequest page) {
        return service.list(type, active, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getSource", summary = "Read a source and its collection status",
            description = "Returns a source and its collection status (last poll, error, items collected); secrets are never returned. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The source; ETag carries its version", content = @Content(schema = @Schema(implementation = SourceView.class)))
    @APIResponse(responseCode = "404", description = "No such source in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        SourceService.Versioned source = service.view(id);
        return Response.ok(source.view()).header(HttpHeaders.ETAG, ETags.of(source.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "updateSource", summary = "Replace a source's settings (If-Match required); omitted secrets are kept",
            description = "Replaces a source's settings (its type never changes; omitted secrets are kept). Requires If-Match; audited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rss", value = RSS_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated; new ETag", content = @Content(schema = @Schema(implementation = SourceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a change of type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such source in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SourceRequest request) {
        SourceService.Versioned source = service.update(id, ifMatch, request);
        return Response.ok(source.view()).header(HttpHeaders.ETAG, ETags.of(source.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "deleteSource", summary = "Remove a source (If-Match optional); mentions it collected stay",
            description = "Removes a source; collection stops, mentions it collected stay. If-Match is optional; audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such source in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/{id}/poll")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "pollSource", summary = "Poll a feed now instead of waiting for its schedule",
            description = "Polls a feed now instead of waiting for its schedule; new items are ingested as mentions and the source's status is updated.")
    @APIResponse(responseCode = "200", description = "What the poll did, and the source's new status", content = @Content(schema = @Schema(implementation = SourcePollResult.class)))
    @APIResponse(responseCode = "404", description = "No such source in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a polled source, or paused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SourcePollResult poll(@PathParam("id") UUID id) {
        return service.pollNow(id);
    }
}
