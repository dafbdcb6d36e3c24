package cm.vigie.plan.response;

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
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;
import cm.vigie.plan.audit.HistoryEntry;
import cm.vigie.plan.workflow.ItemStatus;
import cm.vigie.plan.workflow.Responses;
import cm.vigie.plan.workflow.Severity;
import cm.vigie.plan.workflow.TransitionRequest;

@Path("/api/plans/responses")
@Tag(name = "Response plans", description = "Answers to disinformation: threat, decision, countermeasures, messages, deadline, approval, outcome")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed (or, for approvals, not an approver under the policy, or the author: four-eyes rule)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ResponsePlanResource {

    static final String EXAMPLE = """
            {"alertId":"9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d","title":"Rumeur : le vaccin HPV rendrait stérile",
             "situationSummary":"Des messages WhatsApp affirment que le vaccin HPV rend stérile.",
             "threat":{"reach":25000,"velocity":120,"harm":"HIGH"},
             "decision":"RESPOND","rationale":"Diffusion rapide à dix jours de la campagne",
             "countermeasures":["C00119","C00200"],
             "holdingStatement":{"fr":"Nous vérifions les faits.","en":"We are checking the facts."},
             "rebuttals":[],
             "factChecks":[{"title":"HPV et fertilité","url":"https://factcheck.example.cm/hpv"}]}""";
    static final String TRANSITION = """
            {"comment":"Validé, publier avant midi"}""";

    private final ResponsePlanService service;

    ResponsePlanResource(ResponsePlanService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "createResponsePlan", summary = "Draft a response plan from a watch-service alert or known hoax (alertId or hoaxId, and title)",
            description = "Drafts a response plan from a watch-service alert or known hoax (alertId or hoaxId) with its deadline set by severity; warns when watch-service could not confirm the source. Audited in the plan's history.")
    @RequestBody(content = @Content(examples = { @ExampleObject(name = "from an alert", value = EXAMPLE),
            @ExampleObject(name = "minimal", value = "{\"hoaxId\":\"1f2e3d4c-5b6a-4789-9abc-def012345678\",\"title\":\"Faux résultats du BEPC\"}") }))
    @APIResponse(responseCode = "201", description = "Drafted with its deadline; Location and ETag set; warnings when watch-service could not confirm the source", content = @Content(schema = @Schema(implementation = ResponsePlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or neither alertId nor hoaxId", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown alert, hoax or channel", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ResponsePlanRequest request, UriInfo uri) {
        ResponsePlanService.Created created = service.create(request);
        ResponsePlan plan = created.plan();
        return Responses.created(uri.getAbsolutePathBuilder().path(plan.id.toString()).build(),
                ResponsePlanView.of(plan, created.warnings()), plan.version);
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listResponsePlans", summary = "List your institution's response plans, newest first by default",
            description = "Lists the institution's response plans, one page at a time, filtered by status or severity. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<ResponsePlanView> list(@Parameter(description = "Only this status") @QueryParam("status") ItemStatus status,
            @Parameter(description = "Only this severity") @QueryParam("severity") Severity severity,
            @Parameter(description = "Only plans answering this alert") @QueryParam("alertId") UUID alertId,
            @Parameter(description = "Only plans answering this hoax") @QueryParam("hoaxId") UUID hoaxId,
            @Valid @BeanParam PageRequest page) {
        return service.list(status, severity, alertId, hoaxId, page).map(ResponsePlanView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getResponsePlan", summary = "Read a response plan",
            description = "Returns a response plan; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The plan; ETag carries its version", content = @Content(schema = @Schema(implementation = ResponsePlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        ResponsePlan plan = service.get(id);
        return Responses.ok(ResponsePlanView.of(plan), plan.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "updateResponsePlan", summary = "Edit a draft response plan (If-Match required; alertId and hoaxId stay as created)",
            description = "Edits a draft response plan (its alert or hoax stays as created). Requires If-Match; recorded in the plan's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "from an alert", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Edited; new ETag", content = @Content(schema = @Schema(implementation = ResponsePlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ResponsePlanRequest request) {
        ResponsePlan plan = service.update(id, ifMatch, request);
        return Responses.ok(ResponsePlanView.of(plan), plan.version);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "submitResponsePlan", summary = "Submit a draft with its decision for approval (If-Match optional)",
            description = "Submits a draft response plan with its decision for approval: DRAFT becomes IN_REVIEW. If-Match is optional; recorded in the plan's history.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = TRANSITION)))
    @APIResponse(responseCode = "200", description = "IN_REVIEW", content = @Content(schema = @Schema(implementation = ResponsePlanView.class)))
    @APIResponse(responseCode = "400", description = "No decision yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request) {
        ResponsePlan plan = service.submit(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(ResponsePlanView.of(plan), plan.version);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.APPROVER })
    @Operation(operationId = "approveResponsePlan", summary = "Approve the plan in review (one approval for CRITICAL; four-eyes: never the author)",
            description = "Counts the caller's approval of a response plan in review (one approval suffices for CRITICAL); it becomes APPROVED once the policy's count is reached. The policy's roles narrow who may approve, the author never approves; recorded in the plan's history.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = TRANSITION)))
    @APIResponse(responseCode = "200", description = "Approval counted", content = @Content(schema = @Schema(implementation = ResponsePlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in review, or already approved by you", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Another approver acted first", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request) {
        ResponsePlan plan = service.approve(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(ResponsePlanView.of(plan), plan.version);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.APPROVER })
    @Operation(operationId = "rejectResponsePlan", summary = "Send the plan in review back to draft; the comment is the required reason",
            description = "Sends a response plan in review back to DRAFT with the required reason. Recorded in the plan's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reason", value = "{\"comment\":\"Citer la source de l'OMS\"}")))
    @APIResponse(responseCode = "200", description = "Back to DRAFT", content = @Content(schema = @Schema(implementation = ResponsePlanView.class)))
    @APIResponse(responseCode = "400", description = "No reason given", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in review", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request) {
        ResponsePlan plan = service.reject(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(ResponsePlanView.of(plan), plan.version);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "publishResponsePlan", summary = "Record that the approved answer (decision RESPOND) went out",
            description = "Records that the approved answer of a plan whose decision is RESPOND went out: it becomes PUBLISHED. Recorded in the plan's history.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = "{\"comment\":\"Publié sur Facebook et X à 11 h 40\"}")))
    @APIResponse(responseCode = "200", description = "PUBLISHED", content = @Content(schema = @Schema(implementation = ResponsePlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not approved, or the decision is not RESPOND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request) {
        ResponsePlan plan = service.publish(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(ResponsePlanView.of(plan), plan.version);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "closeResponsePlan", summary = "Close with the outcome: mention volume before and after the answer, from watch-service",
            description = "Closes a response plan with its outcome (mention volume before and after the answer, read from watch-service, or UNAVAILABLE with the reason): it becomes CLOSED. Recorded in the plan's history.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = "{\"comment\":\"La rumeur est retombée\"}")))
    @APIResponse(responseCode = "200", description = "CLOSED with its outcome (UNAVAILABLE with the reason when watch-service is down)", content = @Content(schema = @Schema(implementation = ResponsePlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not published (or, without a RESPOND decision, not approved)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TransitionRequest request) {
        ResponsePlan plan = service.close(id, ifMatch, TransitionRequest.commentOf(request));
        return Responses.ok(ResponsePlanView.of(plan), plan.version);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getResponsePlanHistory", summary = "Who did what to the response plan, when, with content before and after edits",
            description = "Lists who did what to a response plan and when, with content before and after edits, oldest first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The audit trail, oldest first")
    @APIResponse(responseCode = "404", description = "No such plan in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return service.history(id);
    }
}
