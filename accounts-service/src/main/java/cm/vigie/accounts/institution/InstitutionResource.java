package cm.vigie.accounts.institution;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import cm.vigie.accounts.api.PageSchemas;
import cm.vigie.accounts.history.HistoryEntry;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemResponses;
import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.tenancy.InstitutionStatus;
import cm.vigie.commons.tenancy.Roles;

/** The registry of institutions, run by platform operators. */
@Path("/api/institutions")
@Tag(name = "Institutions", description = "Tenants of the platform (platform operators)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a platform operator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InstitutionResource {

    private static final String INSTITUTION_EXAMPLE = """
            {"id":"2f6c1a8e-5b7d-4c1e-9a3f-0e4d2b6c8a10","slug":"minsante","nameFr":"Ministère de la Santé publique",\
            "nameEn":"Ministry of Public Health","type":"MINISTRY","status":"ACTIVE","emailDomain":"minsante.cm",\
            "createdAt":"2026-11-27T08:00:00Z","updatedAt":"2026-11-27T08:00:00Z"}""";
    private static final String PAGE_EXAMPLE = "{\"items\":[" + INSTITUTION_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1}";
    private static final String ONBOARD_EXAMPLE = """
            {"slug":"minjustice","nameFr":"Ministère de la Justice","nameEn":"Ministry of Justice","type":"MINISTRY",\
            "emailDomain":"minjustice.cm","firstAdmin":{"username":"a.mballa","email":"a.mballa@minjustice.cm",\
            "firstName":"Aline","lastName":"Mballa"}}""";
    private static final String ONBOARDED_EXAMPLE = """
            {"id":"2f6c1a8e-5b7d-4c1e-9a3f-0e4d2b6c8a10","slug":"minjustice","nameFr":"Ministère de la Justice",\
            "nameEn":"Ministry of Justice","type":"MINISTRY","status":"ACTIVE","emailDomain":"minjustice.cm",\
            "createdAt":"2026-11-27T08:00:00Z","updatedAt":"2026-11-27T08:00:00Z",\
            "firstAdmin":{"username":"a.mballa","email":"a.mballa@minjustice.cm","temporaryPassword":"Vq7k-T2mL-p9xR-w4cZ"}}""";

    private final InstitutionService service;

    InstitutionResource(InstitutionService service) {
        this.service = service;
    }

    @POST
    @Operation(operationId = "createInstitution", summary = "Onboard an institution: create its Keycloak realm from the template with its first admin, and register it",
            description = "Onboards an institution: creates its Keycloak realm from the template with its first admin (or adopts an existing realm) and registers it in Vigie. The first admin's one-time password is returned in this answer only; the creation is recorded in the institution's history.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "onboard", value = ONBOARD_EXAMPLE),
            @ExampleObject(name = "adopt an existing realm", value = """
                    {"slug":"minsante","nameFr":"Ministère de la Santé publique","nameEn":"Ministry of Public Health",\
                    "type":"MINISTRY","adoptExistingRealm":true}""") }))
    @APIResponse(responseCode = "201", description = "Realm created and institution registered; the first admin's one-time password is in this answer only", content = @Content(
            schema = @Schema(implementation = InstitutionView.class), examples = @ExampleObject(name = "onboarded", value = ONBOARDED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields, first admin missing, or the realm to adopt does not exist", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Slug already registered (Location points at the existing institution), or a realm of that name exists outside the registry", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Keycloak did not complete the change; nothing was created", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull InstitutionRequest request, UriInfo uri) {
        InstitutionService.Onboarded onboarded = service.register(request);
        Institution institution = onboarded.institution();
        return withETag(Response.created(location(uri, institution.id))
                .entity(InstitutionView.of(institution, onboarded.firstAdmin())), institution);
    }

    @GET
    @Operation(operationId = "listInstitutions", summary = "List institutions, sorted by slug by default",
            description = "Lists the registered institutions, one page at a time, with their status. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page of institutions", content = @Content(schema = @Schema(implementation = PageSchemas.InstitutionPage.class), examples = @ExampleObject(name = "one institution", value = PAGE_EXAMPLE)))
    public PageResponse<InstitutionView> list(@Valid @BeanParam PageRequest page) {
        return service.list(page).map(InstitutionView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getInstitution", summary = "Read an institution",
            description = "Returns one institution with its status and settings; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The institution; ETag carries its version", content = @Content(schema = @Schema(implementation = InstitutionView.class), examples = @ExampleObject(name = "institution", value = INSTITUTION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Institution institution = service.get(id);
        return withETag(Response.ok(InstitutionView.of(institution)), institution);
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateInstitution", summary = "Rename an institution, change its type or e-mail domain (If-Match required)",
            description = "Changes an institution's name, type or e-mail domain (the slug and realm never change). Requires If-Match; recorded in the institution's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rename", value = """
            {"nameFr":"Ministère de la Santé publique","nameEn":"Ministry of Public Health","type":"MINISTRY","emailDomain":"minsante.cm"}""")))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = InstitutionView.class), examples = @ExampleObject(name = "institution", value = INSTITUTION_EXAMPLE)))
    @APIResponse(responseCode = "412", description = "Changed since read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull InstitutionUpdate update) {
        Institution institution = service.update(id, ifMatch, update);
        return withETag(Response.ok(InstitutionView.of(institution)), institution);
    }

    @POST
    @Path("/{id}/suspend")
    @Operation(operationId = "suspendInstitution", summary = "Suspend an institution: its realm is disabled and its tokens are refused (403) within a minute on every service",
            description = "Suspends an institution with a reason: its Keycloak realm is disabled and every service refuses its tokens with 403 INSTITUTION_SUSPENDED within a minute. Its data is kept; recorded in the institution's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "suspend", value = "{\"reason\":\"Contract ended; access suspended pending renewal\"}")))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Keycloak did not disable the realm; nothing was changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Suspended", content = @Content(schema = @Schema(implementation = InstitutionView.class), examples = @ExampleObject(name = "institution", value = INSTITUTION_EXAMPLE)))
    public InstitutionView suspend(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        return InstitutionView.of(service.changeStatus(id, InstitutionStatus.SUSPENDED, change.reason()));
    }

    @POST
    @Path("/{id}/reactivate")
    @Operation(operationId = "reactivateInstitution", summary = "Reactivate a suspended institution: its realm is enabled and its tokens accepted again",
            description = "Reactivates a suspended institution with a reason: its realm is enabled again and its users' tokens are accepted. Recorded in the institution's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reactivate", value = "{\"reason\":\"Contract renewed\"}")))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Keycloak did not enable the realm; nothing was changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Active again", content = @Content(schema = @Schema(implementation = InstitutionView.class), examples = @ExampleObject(name = "institution", value = INSTITUTION_EXAMPLE)))
    public InstitutionView reactivate(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        return InstitutionView.of(service.changeStatus(id, InstitutionStatus.ACTIVE, change.reason()));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getInstitutionHistory", summary = "Every recorded change of an institution, oldest first (read-only)",
            description = "Lists every recorded change of an institution (creation, updates, quotas, suspensions), oldest first, with who made it. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page of history", content = @Content(schema = @Schema(implementation = PageSchemas.HistoryPage.class), examples = @ExampleObject(name = "suspension", value = """
            {"items":[{"id":"0b8e6a4c-1f2d-4e3a-9c5b-7d6e5f4a3b21","at":"2026-11-27T09:15:00Z","actor":"operator",\
            "action":"INSTITUTION_SUSPENDED","before":"ACTIVE","after":"SUSPENDED","reason":"Contract ended"}],"page":0,"size":20,"total":1}""")))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<HistoryEntry> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.history(id, page);
    }

    /** A second registration of a slug answers 409 and points at the institution that holds it. */
    @ServerExceptionMapper
    public Response slugTaken(InstitutionService.SlugTaken e, HttpHeaders headers, UriInfo uri) {
        Response problem = ProblemResponses.of(e, Messages.choose(headers.getAcceptableLanguages()), uri.getRequestUri().getRawPath());
        return Response.fromResponse(problem).location(location(uri, e.existing().id)).build();
    }

    private static URI location(UriInfo uri, UUID id) {
        return uri.getBaseUriBuilder().path("api/institutions").path(id.toString()).build();
    }

    private static Response withETag(Response.ResponseBuilder response, Institution institution) {
        return response.header(HttpHeaders.ETAG, ETags.of(institution.version)).build();
    }
}
