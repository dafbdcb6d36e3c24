package cm.vigie.watch.watchlist;

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
import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

@Path("/api/watch/watchlists")
@Tag(name = "Watchlists", description = "What an institution watches: boolean keyword queries and their alert rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WatchlistResource {

    private static final String EXAMPLE = """
            {"name":"Vaccination","query":"(vaccin* OR vaccination) AND (danger OR stérile OR mort)","languages":["fr","en"],\
            "platforms":[],"severity":"HIGH","alertRules":[{"type":"KEYWORD","minSeverity":"MEDIUM"},{"type":"SPIKE","k":3,"minCount":10}]}""";

    private final WatchlistService service;
    private final WatchlistDryRun dryRun;

    WatchlistResource(WatchlistService service, WatchlistDryRun dryRun) {
        this.service = service;
        this.dryRun = dryRun;
    }

    @POST
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "createWatchlist", summary = "Create a watchlist; its query takes effect at once, without a restart",
            description = "Creates a watchlist (a boolean keyword query with languages, platforms, severity and alert rules); matching uses it for mentions ingested from now on, without a restart. Audited; counts against the institution's watchlist quota.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "vaccination", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set", content = @Content(schema = @Schema(implementation = WatchlistView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a query that does not parse (errors carry position and message)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = QueryProblem.class)))
    @APIResponse(responseCode = "409", description = "A watchlist of your institution already has this name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull WatchlistRequest request, UriInfo uri) {
        Watchlist watchlist = service.create(request);
        return withETag(Response.created(uri.getAbsolutePathBuilder().path(watchlist.id.toString()).build()), watchlist);
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listWatchlists", summary = "List your institution's watchlists, newest first by default",
            description = "Lists the institution's watchlists, one page at a time, filtered by activity or name. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<WatchlistView> list(
            @Parameter(description = "Only active (true) or inactive (false) watchlists") @QueryParam("active") Boolean active,
            @Parameter(description = "Name contains (case ignored)", example = "vacc") @QueryParam("name") String name,
            @Valid @BeanParam PageRequest page) {
        return service.list(active, name, page).map(WatchlistView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getWatchlist", summary = "Read a watchlist",
            description = "Returns a watchlist; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The watchlist; ETag carries its version", content = @Content(schema = @Schema(implementation = WatchlistView.class)))
    @APIResponse(responseCode = "404", description = "No such watchlist in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return withETag(Response.ok(), service.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "updateWatchlist", summary = "Replace a watchlist (If-Match required); matching uses the new query at once",
            description = "Replaces a watchlist; matching uses the new query at once for new mentions. Requires If-Match; audited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "vaccination", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated; new ETag", content = @Content(schema = @Schema(implementation = WatchlistView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields or query", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = QueryProblem.class)))
    @APIResponse(responseCode = "404", description = "No such watchlist in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Name already used", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull WatchlistRequest request) {
        return withETag(Response.ok(), service.update(id, ifMatch, request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "deleteWatchlist", summary = "Delete a watchlist (If-Match optional); stored mentions keep their matches",
            description = "Deletes a watchlist: new mentions are no longer matched against it, stored mentions keep their matches. If-Match is optional; audited.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such watchlist in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/validate")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "validateWatchlistQuery", summary = "Check a query: parse errors with their position, warnings when it is too broad or NOT-only",
            description = "Parses a query without saving anything: answers its warnings (too broad, NOT only), or 400 with each parse error's position and code.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "query", value = "{\"query\":\"vaccin* AND (danger OR mort)\"}")))
    @APIResponse(responseCode = "200", description = "The query parses", content = @Content(schema = @Schema(implementation = ValidateResult.class),
            examples = @ExampleObject(name = "valid", value = "{\"valid\":true,\"warnings\":[]}")))
    @APIResponse(responseCode = "400", description = "The query does not parse; errors[] carry position and message", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = QueryProblem.class),
            examples = @ExampleObject(name = "unbalanced", value = "{\"type\":\"https://vigie.cm/problems/validation\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"The query cannot be parsed.\",\"errors\":[{\"field\":\"query\",\"position\":9,\"code\":\"UNBALANCED_PARENTHESIS\",\"message\":\"Missing closing parenthesis\"}]}")))
    public ValidateResult validate(@Valid @NotNull ValidateRequest request, HttpHeaders headers) {
        boolean french = Messages.FRENCH.getLanguage()
                .equals(Messages.choose(headers.getAcceptableLanguages()).getLanguage());
        var result = service.validate(request.query());
        return new ValidateResult(true, result.warnings().stream()
                .map(w -> new QueryIssue(null, null, w.code(), french ? w.messageFr() : w.messageEn())).toList());
    }

    @POST
    @Path("/{id}/dry-run")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "dryRunWatchlist", summary = "Show what the watchlist's query matches in sample texts, or in the mentions of the last N days",
            description = "Shows what a watchlist's query matches in sample texts, or among the institution's mentions of the last N days, with highlights. Stores nothing.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "texts", value = "{\"texts\":[\"Le vaccin est dangereux\",\"Campagne de vaccination à Douala\"]}"),
            @ExampleObject(name = "days", value = "{\"days\":7}") }))
    @APIResponse(responseCode = "200", description = "One result per text in order (texts), or the matching mentions (days)", content = @Content(schema = @Schema(implementation = DryRunResult.class),
            examples = @ExampleObject(name = "texts", value = "{\"results\":[{\"index\":0,\"matched\":true,\"highlights\":[\"vaccin\",\"dangereux\"]},{\"index\":1,\"matched\":false,\"highlights\":[]}]}")))
    @APIResponse(responseCode = "400", description = "Neither or both of texts and days", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such watchlist in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DryRunResult dryRun(@PathParam("id") UUID id, @Valid @NotNull DryRunRequest request) {
        return dryRun.run(id, request);
    }

    private static Response withETag(Response.ResponseBuilder response, Watchlist watchlist) {
        return response.entity(WatchlistView.of(watchlist)).header(HttpHeaders.ETAG, ETags.of(watchlist.version)).build();
    }
}
