package cm.vigie.plan.caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.caller.CallerResource;
import cm.vigie.commons.caller.CallerView;
import cm.vigie.commons.tenancy.Roles;

@Path("/api/plans/me")
@Tag(name = "Caller")
public class PlanCallerResource extends CallerResource {

    @Override
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER,
            Roles.VIEWER })
    @Operation(operationId = "getPlanCaller", summary = "The caller as plan-service sees it")
    public CallerView me() {
        return super.me();
    }
}
