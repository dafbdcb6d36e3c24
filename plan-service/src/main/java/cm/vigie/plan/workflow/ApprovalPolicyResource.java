package cm.vigie.plan.workflow;

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

@Path("/api/plans/approval-policy")
@Tag(name = "Approval policy", description = "How many approvals items need, who approves, response deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ApprovalPolicyResource {

    private static final String EXAMPLE = """
            {"approvalsNeeded":2,"approverRoles":["approver","institution-admin"],"deadlineCriticalHours":2,"deadlineHighHours":6,\
            "deadlineMediumHours":24,"deadlineLowHours":72,"escalationMinutes":30,"publicationGapMinutes":120}""";

    private final ApprovalPolicyService service;

    ApprovalPolicyResource(ApprovalPolicyService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getPlanApprovalPolicy", summary = "Read your institution's approval policy (defaults until set)",
            description = "Returns the institution's approval policy (which roles approve, how many approvals each kind of item needs), the defaults until one is set; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The policy in force; ETag carries its version", content = @Content(schema = @Schema(implementation = ApprovalPolicyView.class), examples = @ExampleObject(name = "defaults", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Never: kept for generated clients", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get() {
        ApprovalPolicy policy = service.current();
        return Response.ok(ApprovalPolicyView.of(policy, service.customised())).header(HttpHeaders.ETAG, ETags.of(policy.version)).build();
    }

    @PUT
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "updatePlanApprovalPolicy", summary = "Set your institution's approval policy (If-Match required once it exists)",
            description = "Sets the institution's approval policy; items already in review are judged by the new policy. Requires If-Match once a policy exists; audited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two approvals", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Saved; new ETag", content = @Content(schema = @Schema(implementation = ApprovalPolicyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ApprovalPolicyRequest request) {
        ApprovalPolicy policy = service.update(ifMatch, request);
        return Response.ok(ApprovalPolicyView.of(policy, true)).header(HttpHeaders.ETAG, ETags.of(policy.version)).build();
    }
}
