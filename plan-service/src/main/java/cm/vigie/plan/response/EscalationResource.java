package cm.vigie.plan.response;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

@Path("/api/plans/escalations")
@Tag(name = "Response plans")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationResource {

    private final ResponsePlanService service;

    EscalationResource(ResponsePlanService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listPlanEscalations", summary = "CRITICAL response plans not approved within the escalation delay and still waiting, oldest first",
            description = "Lists CRITICAL response plans not approved within the escalation delay and still waiting, oldest first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The escalated plans")
    @APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ResponsePlanView> list() {
        return service.escalations().stream().map(ResponsePlanView::of).toList();
    }
}
