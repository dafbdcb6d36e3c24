package cm.vigie.plan.communication;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;
import cm.vigie.plan.audit.HistoryEntry;
import cm.vigie.plan.kpi.KpiReport;
import cm.vigie.plan.kpi.KpiService;
import cm.vigie.plan.workflow.ItemStatus;
import cm.vigie.plan.workflow.Responses;
import cm.vigie.plan.workflow.TransitionRequest;

@Path("/api/plans/communication-plans")
@Tag(name = "Communication plans", description = "Plans with objectives and KPIs, audiences, key messages and channels; revisions and approval")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed (or, for approvals, not an approver under the policy, or the author: four-eyes rule)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CommunicationPlanResource {

    static final String EXAMPLE = """
            {"title":"Campagne de vaccination HPV 2027","periodStart":"2027-01-10","periodEnd":"2027-03-31",
             "situationAnalysis":"Rumeurs de stérilité relayées sur WhatsApp",
             "objectives":[{"statement":"Faire reculer la part de messages négatifs","kpi":{"type":"NEGATIVE_SHARE",
               "watchlistId":"5d9f0a3e-8c1b-4f7e-a1d2-3b4c5d6e7f80","baseline":42,"target":25,"direction":"DECREASE"}}],
             "audiences":[{"name":"Parents d'élèves","description":"Zones rurales","channels":["WHATSAPP","FACEBOOK"]}],
             "keyMessages":[{"fr":"Le vaccin est sûr et gratuit.","en":"The vaccine is safe and free."}],
             "channels":[],"owner":"cm"}""";
    static final String TRANSITION = """
            {"comment":"Conforme à la ligne du ministère"}""";

    private final CommunicationPlanService service;
    private final KpiService kpis;

    CommunicationPlanResource(CommunicationPlanService service, KpiService kpis) {
        this.service = service;
        this.kpis = kpis;
    }

    @POST
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "createCommunicationPlan", summary = "Draft a communication plan (title and period at least)",
            description = "Drafts a communication plan (title, period, objectives, channels) as revision 1 in status DRAFT; its channels must be official accounts of the institution (checked with accounts-service). Audited in the plan's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "vaccination", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Drafted as revision 1; Location and ETag set", content = @Content(schema = @Schema(implementation = CommunicationPlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A channel is not an official account of your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "accounts-service could not check the channels", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CommunicationPlanContent request, UriInfo uri) {
        CommunicationPlan plan = service.create(request);
        return Responses.created(uri.getAbsolutePathBuilder().path(plan.id.toString()).build(), CommunicationPlanView.of(plan), plan.version);
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listCommunicationPlans", summary = "List your institution's communication plans, newest first by default",
            description = "Lists the institution's communication plans, one page at a time, filtered by status or period. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<CommunicationPlanView> list(@Parameter(description = "Only this status") @QueryParam("status") ItemStatus status,
            @Parameter(description = "Words in the title", example = "vaccination") @QueryParam("q") String q,
            @Valid @BeanParam PageRequest page) {
        return service.list(status, q, page).map(CommunicationPlanView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getCommunicationPlan", summary = "Read a communication plan in its current revision",
            description = "Returns a communication plan in its current revision; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The plan; ETag carries its version", content = @Content(schema = @Schema(implementation = CommunicationPlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        CommunicationPlan plan = service.get(id);
        return Responses.ok(CommunicationPlanView.of(plan), plan.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "updateCommunicationPlan", summary = "Edit a plan (If-Match required); an approved or active plan starts a new revision to approve",
            description = "Edits a communication plan, creating a new revision; an approved plan goes back to draft. Requires If-Match; recorded in the plan's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "vaccination", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Edited; new ETag", content = @Content(schema = @Schema(implementation = CommunicationPlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "In review or closed: cannot be edited", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A channel is not an official account of your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CommunicationPlanContent request) {
        CommunicationPlan plan = service.update(id, ifMatch, request);
        return Responses.ok(CommunicationPlanView.of(plan), plan.version);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "submitCommunicationPlan", summary = "Submit a draft for approval (If-Match optional)",
            description = "Submits a draft plan for approval: DRAFT becomes IN_REVIEW. If-Match is optional; recorded in the plan's history.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = TRANSITION)))
    @APIResponse(responseCode = "200", description = "IN_REVIEW", content = @Content(schema = @Schema(implementation = CommunicationPlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request) {
        CommunicationPlan plan = service.submit(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(CommunicationPlanView.of(plan), plan.version);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.APPROVER })
    @Operation(operationId = "approveCommunicationPlan", summary = "Approve the plan in review; APPROVED once the policy's count is reached (four-eyes: never the author)",
            description = "Counts the caller's approval of a plan in review; the plan becomes APPROVED once the approval policy's count is reached. The policy's roles narrow who may approve (403 NOT_AN_APPROVER) and the author never approves (403 FOUR_EYES); recorded in the plan's history.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = TRANSITION)))
    @APIResponse(responseCode = "200", description = "Approval counted", content = @Content(schema = @Schema(implementation = CommunicationPlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in review, or already approved by you", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Another approver acted first", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request) {
        CommunicationPlan plan = service.approve(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(CommunicationPlanView.of(plan), plan.version);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.APPROVER })
    @Operation(operationId = "rejectCommunicationPlan", summary = "Send the plan in review back to draft; the comment is the required reason",
            description = "Sends a plan in review back to DRAFT with the required reason. The approval policy applies as for approval; recorded in the plan's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reason", value = "{\"comment\":\"Le ton est trop défensif\"}")))
    @APIResponse(responseCode = "200", description = "Back to DRAFT", content = @Content(schema = @Schema(implementation = CommunicationPlanView.class)))
    @APIResponse(responseCode = "400", description = "No reason given", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in review", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request) {
        CommunicationPlan plan = service.reject(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(CommunicationPlanView.of(plan), plan.version);
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "activateCommunicationPlan", summary = "Put an approved plan into action",
            description = "Puts an approved plan into action: APPROVED becomes ACTIVE. Recorded in the plan's history.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = TRANSITION)))
    @APIResponse(responseCode = "200", description = "ACTIVE", content = @Content(schema = @Schema(implementation = CommunicationPlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not approved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response activate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request) {
        CommunicationPlan plan = service.activate(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(CommunicationPlanView.of(plan), plan.version);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "closeCommunicationPlan", summary = "Close an active or approved plan",
            description = "Closes an active or approved plan: it becomes CLOSED and can no longer change. Recorded in the plan's history.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = TRANSITION)))
    @APIResponse(responseCode = "200", description = "CLOSED", content = @Content(schema = @Schema(implementation = CommunicationPlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not active or approved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request) {
        CommunicationPlan plan = service.close(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(CommunicationPlanView.of(plan), plan.version);
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listCommunicationPlanRevisions", summary = "Every revision of a plan, oldest first",
            description = "Lists every revision of a communication plan, oldest first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RevisionView> revisions(@PathParam("id") UUID id) {
        return service.revisions(id).stream().map(RevisionView::of).toList();
    }

    @GET
    @Path("/{id}/revisions/diff")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "diffCommunicationPlanRevisions", summary = "What changed between two revisions, field by field (JSON Pointer paths)",
            description = "Compares two revisions of a plan field by field (JSON Pointer paths, added, removed or changed). Changes nothing.")
    @APIResponse(responseCode = "200", description = "The differences", content = @Content(schema = @Schema(implementation = RevisionDiff.class),
            examples = @ExampleObject(name = "target lowered", value = "{\"from\":1,\"to\":2,\"changes\":[{\"path\":\"/objectives/0/kpi/target\",\"kind\":\"CHANGED\",\"before\":25.0,\"after\":20.0}]}")))
    @APIResponse(responseCode = "400", description = "from or to missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan or revision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RevisionDiff diff(@PathParam("id") UUID id,
            @Parameter(description = "Older revision", example = "1") @QueryParam("from") @NotNull @Min(1) Integer from,
            @Parameter(description = "Newer revision", example = "2") @QueryParam("to") @NotNull @Min(1) Integer to) {
        return service.diff(id, from, to);
    }

    @GET
    @Path("/{id}/revisions/{number}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getCommunicationPlanRevision", summary = "One revision of a plan",
            description = "Returns one revision of a communication plan as it was. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The revision", content = @Content(schema = @Schema(implementation = RevisionView.class)))
    @APIResponse(responseCode = "404", description = "No such plan or revision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RevisionView revision(@PathParam("id") UUID id, @PathParam("number") int number) {
        return RevisionView.of(service.revision(id, number));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getCommunicationPlanHistory", summary = "Who did what to the plan, when, from which status to which, with content before and after edits",
            description = "Lists who did what to a plan and when (status moves, edits with content before and after), oldest first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The audit trail, oldest first")
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @GET
    @Path("/{id}/kpis")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getCommunicationPlanKpis", summary = "Each objective's current value, read live from watch-service (UNAVAILABLE with the reason when it is down)",
            description = "Reads each objective's current value live from watch-service (mention volume, negative share, hoax mentions, alerts resolved in SLA); an objective reads UNAVAILABLE with the reason when watch-service is down. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One value per objective", content = @Content(schema = @Schema(implementation = KpiReport.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KpiReport kpis(@PathParam("id") UUID id) {
        return kpis.report(service.get(id));
    }
}
