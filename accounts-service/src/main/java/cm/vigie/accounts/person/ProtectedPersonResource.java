package cm.vigie.accounts.person;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** The officials of the caller's institution whose identity fake accounts abuse. */
@Path("/api/accounts/persons")
@Tag(name = "Protected persons", description = "Officials whose identity is protected against impersonation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ProtectedPersonResource {

    static final String EXAMPLE = """
            {"fullName":"Malachie Manaouda","aliases":["Dr Manaouda"],"titles":["Ministre de la Santé publique","Minister of Public Health"],\
            "handles":[{"platform":"X","handle":"@DrManaouda"}],"photoHashes":["e1c3c3c7870f0f1f"]}""";
    static final String VIEW_EXAMPLE = """
            {"id":"5f0b6f1e-8a2c-4c63-9d0e-2f4b7c1a9e30","fullName":"Malachie Manaouda","aliases":["Dr Manaouda"],\
            "titles":["Ministre de la Santé publique","Minister of Public Health"],"handles":[{"platform":"X","handle":"drmanaouda"}],\
            "photoHashes":["e1c3c3c7870f0f1f"],"createdAt":"2026-11-27T08:00:00Z","updatedAt":"2026-11-27T08:00:00Z"}""";
    static final String HISTORY_EXAMPLE = """
            [{"at":"2026-11-27T08:00:00Z","actor":"cm","action":"PERSON_CREATED","from":null,"to":"v0","reason":"fullName=Malachie Manaouda"},\
            {"at":"2026-11-27T09:00:00Z","actor":"cm","action":"PERSON_UPDATED","from":"v0","to":"v1","reason":"aliases: [] → [Dr Manaouda]"}]""";

    private final ProtectedPersonService service;
    private final PhotoHasher hasher;

    ProtectedPersonResource(ProtectedPersonService service, PhotoHasher hasher) {
        this.service = service;
        this.hasher = hasher;
    }

    @POST
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "createProtectedPerson", summary = "Register an official whose identity must be protected",
            description = "Registers an official whose identity must be protected (names, handles, reference photo hashes); impersonation scoring uses it at once. Audited in the person's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "minister", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag set", content = @Content(schema = @Schema(implementation = ProtectedPersonView.class), examples = @ExampleObject(name = "minister", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (a photo hash must be 16 hex digits, never a URL)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ProtectedPersonRequest request, UriInfo uri) {
        ProtectedPerson person = service.create(request);
        return withETag(Response.created(uri.getAbsolutePathBuilder().path(person.id.toString()).build()), person);
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listProtectedPersons", summary = "List your institution's protected persons, by name by default",
            description = "Lists the institution's protected persons, one page at a time. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = PageSchemas.ProtectedPersonPage.class), examples = @ExampleObject(name = "page", value = "{\"items\":[" + VIEW_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<ProtectedPersonView> list(
            @Parameter(description = "Only persons whose full name contains this, ignoring case", example = "manaouda")
            @QueryParam("name") @Size(max = 200) String name,
            @Valid @BeanParam PageRequest page) {
        return service.list(name, page).map(ProtectedPersonView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getProtectedPerson", summary = "Read a protected person",
            description = "Returns one protected person; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The person; ETag carries its version", content = @Content(schema = @Schema(implementation = ProtectedPersonView.class), examples = @ExampleObject(name = "minister", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such person in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return withETag(Response.ok(), service.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "updateProtectedPerson", summary = "Replace a protected person's fields (If-Match required)",
            description = "Replaces a protected person's fields. Requires If-Match; recorded in the person's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "minister", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated; new ETag", content = @Content(schema = @Schema(implementation = ProtectedPersonView.class), examples = @ExampleObject(name = "minister", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProtectedPersonRequest request) {
        return withETag(Response.ok(), service.update(id, ifMatch, request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "deleteProtectedPerson", summary = "Remove a protected person (If-Match optional); cases keep their evidence but lose the link",
            description = "Removes a protected person; suspect cases keep their evidence but lose the link. If-Match is optional; the removal is audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such person in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/{id}/photos")
    // any type is read, then checked, so that a wrong role gets its 403 before a wrong type gets its 415
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "addProtectedPersonPhoto", summary = "Upload a reference photo (PNG or JPEG, at most 2 MB); its 64-bit perceptual hash is kept, not the photo",
            description = "Uploads a reference photo (PNG or JPEG, at most 2 MB): its 64-bit perceptual hash is added to the person, the photo itself is not kept. If-Match is optional; answers the person with its new ETag.")
    @RequestBody(required = true, description = "The image bytes, sent as the body", content = {
            @Content(mediaType = "image/png", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "200", description = "The person with the photo's hash added (kept once); new ETag", content = @Content(schema = @Schema(implementation = ProtectedPersonView.class), examples = @ExampleObject(name = "minister", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a decodable PNG or JPEG, or 20 photos already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it (If-Match is optional)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Over 2 MB, or a header declaring more pixels than are decoded (vigie.photos.max-pixels, default 4096 x 4096): refused before decoding", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither image/png nor image/jpeg", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addPhoto(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] image) {
        service.get(id);
        return withETag(Response.ok(), service.addPhotoHash(id, ifMatch, hasher.hash(contentType, image)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getProtectedPersonHistory", summary = "Read a protected person's history, oldest first (read-only)",
            description = "Lists every recorded change of a protected person, oldest first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "Every recorded change", content = @Content(schema = @Schema(implementation = ChangeRecord.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY), examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such person in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ChangeRecord> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    static Response withETag(Response.ResponseBuilder response, ProtectedPerson person) {
        return response.entity(ProtectedPersonView.of(person)).header(HttpHeaders.ETAG, ETags.of(person.version)).build();
    }
}
