package cm.vigie.plan.publication;

import java.util.List;
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

import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;
import cm.vigie.plan.audit.HistoryEntry;
import cm.vigie.plan.calendar.CalendarRange;
import cm.vigie.plan.workflow.ItemStatus;
import cm.vigie.plan.workflow.Responses;
import cm.vigie.plan.workflow.TransitionRequest;

@Path("/api/plans/publications")
@Tag(name = "Editorial calendar", description = "Publications, risk dates and the iCalendar export")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed (or, for approvals, not an approver under the policy, or the author: four-eyes rule)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PublicationResource {

    static final String EXAMPLE = """
            {"channelId":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","plannedAt":"2027-01-12T08:00:00Z","timeZone":"Africa/Douala",
             "title":"Lancement de la campagne HPV",
             "contentFr":"Dès lundi, la vaccination HPV est gratuite pour les filles de 9 à 14 ans.",
             "contentEn":"From Monday, HPV vaccination is free for girls aged 9 to 14.",
             "media":["https://cdn.example.cm/hpv-affiche.jpg"]}""";
    static final String TRANSITION = "{\"comment\":\"Prêt\"}";

    private final PublicationService service;

    PublicationResource(PublicationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "createPublication", summary = "Plan a publication on an official channel (warnings when another one on the channel is too close)",
            description = "Plans a publication on an official channel of the institution as a DRAFT (the channel is checked with accounts-service); the answer warns when another publication on the channel is too close. Audited in its history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "campaign launch", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Planned as a draft; Location and ETag set", content = @Content(schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown channel, plan or objective", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "accounts-service could not check the channel", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull PublicationRequest request, UriInfo uri, HttpHeaders headers) {
        Publication publication = service.create(request);
        return Responses.created(uri.getAbsolutePathBuilder().path(publication.id.toString()).build(), view(publication, headers),
                publication.version);
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listPublications", summary = "The editorial calendar in planned order, by window, channel, status or plan",
            description = "Lists the editorial calendar in planned order, filtered by window, channel, status or plan. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid window, paging or filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<PublicationView> list(
            @Parameter(description = "Start: a date or an instant; 30 days ago when absent", example = "2027-01-01") @QueryParam("from") String from,
            @Parameter(description = "End (a date is included whole); 120 days after from when absent", example = "2027-03-31") @QueryParam("to") String to,
            @Parameter(description = "Only this channel (official account id)") @QueryParam("channel") UUID channel,
            @Parameter(description = "Only this status") @QueryParam("status") ItemStatus status,
            @Parameter(description = "Only publications serving this plan") @QueryParam("planId") UUID planId,
            @Valid @BeanParam PageRequest page) {
        CalendarRange range = CalendarRange.parse(from, to);
        return service.list(range.from(), range.to(), channel, status, planId, page).map(p -> PublicationView.of(p, List.of()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getPublication", summary = "Read a publication, with channel-gap warnings",
            description = "Returns a publication with its channel-gap warnings; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The publication; ETag carries its version", content = @Content(schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(responseCode = "404", description = "No such publication in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id, HttpHeaders headers) {
        Publication publication = service.get(id);
        return Responses.ok(view(publication, headers), publication.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "updatePublication", summary = "Edit a draft or approved publication (If-Match required); an approved one goes back to draft",
            description = "Edits a draft or approved publication; an approved one goes back to DRAFT. Requires If-Match; recorded in its history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "campaign launch", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Edited; new ETag", content = @Content(schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such publication in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "In review, published or cancelled", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PublicationRequest request, HttpHeaders headers) {
        Publication publication = service.update(id, ifMatch, request);
        return Responses.ok(view(publication, headers), publication.version);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "submitPublication", summary = "Submit a draft publication for approval (If-Match optional)",
            description = "Submits a draft publication for approval: DRAFT becomes IN_REVIEW. If-Match is optional; recorded in its history.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = TRANSITION)))
    @APIResponse(responseCode = "200", description = "IN_REVIEW", content = @Content(schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(responseCode = "404", description = "No such publication in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request,
            HttpHeaders headers) {
        Publication publication = service.submit(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(view(publication, headers), publication.version);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.APPROVER })
    @Operation(operationId = "approvePublication", summary = "Approve the publication in review (four-eyes: never the author)",
            description = "Counts the caller's approval of a publication in review; it becomes APPROVED once the approval policy's count is reached. The policy's roles narrow who may approve (403 NOT_AN_APPROVER), the author never approves (403 FOUR_EYES); recorded in its history.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = TRANSITION)))
    @APIResponse(responseCode = "200", description = "Approval counted", content = @Content(schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(responseCode = "404", description = "No such publication in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in review, or already approved by you", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Another approver acted first", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request,
            HttpHeaders headers) {
        Publication publication = service.approve(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(view(publication, headers), publication.version);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.APPROVER })
    @Operation(operationId = "rejectPublication", summary = "Send the publication in review back to draft; the comment is the required reason",
            description = "Sends a publication in review back to DRAFT with the required reason. Recorded in its history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reason", value = "{\"comment\":\"Ajouter la version anglaise\"}")))
    @APIResponse(responseCode = "200", description = "Back to DRAFT", content = @Content(schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(responseCode = "400", description = "No reason given", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such publication in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in review", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request,
            HttpHeaders headers) {
        Publication publication = service.reject(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(view(publication, headers), publication.version);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "publishPublication", summary = "Record that the approved publication went out, with its URL",
            description = "Records that an approved publication went out, with its URL: it becomes PUBLISHED. Recorded in its history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "published", value = "{\"url\":\"https://www.facebook.com/MinSanteCM/posts/123\",\"comment\":\"À l'heure\"}")))
    @APIResponse(responseCode = "200", description = "PUBLISHED", content = @Content(schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(responseCode = "400", description = "URL missing or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such publication in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not approved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PublishRequest request, HttpHeaders headers) {
        Publication publication = service.publish(id, ifMatch, request);
        return Responses.ok(view(publication, headers), publication.version);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "cancelPublication", summary = "Cancel a publication that has not gone out",
            description = "Cancels a publication that has not gone out: it becomes CANCELLED. Recorded in its history.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = "{\"comment\":\"Reportée après le deuil national\"}")))
    @APIResponse(responseCode = "200", description = "CANCELLED", content = @Content(schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(responseCode = "404", description = "No such publication in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already published or cancelled", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request,
            HttpHeaders headers) {
        Publication publication = service.cancel(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(view(publication, headers), publication.version);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getPublicationHistory", summary = "Who did what to the publication, when, with content before and after edits",
            description = "Lists who did what to a publication and when, with content before and after edits, oldest first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The audit trail, oldest first")
    @APIResponse(responseCode = "404", description = "No such publication in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    private PublicationView view(Publication publication, HttpHeaders headers) {
        return PublicationView.of(publication, service.warnings(publication, Messages.choose(headers.getAcceptableLanguages())));
    }
}
