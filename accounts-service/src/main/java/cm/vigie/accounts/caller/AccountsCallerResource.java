package cm.vigie.accounts.caller;

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

import cm.vigie.commons.caller.CallerView;
import cm.vigie.commons.caller.Callers;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

@Path("/api/accounts/me")
@Tag(name = "Caller", description = "Who the caller is, so that front-ends show what they may do")
public class AccountsCallerResource {

    private final Callers callers;

    AccountsCallerResource(Callers callers) {
        this.callers = callers;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER,
            Roles.VIEWER })
    @Operation(operationId = "getAccountsCaller", summary = "The caller as accounts-service sees it: realm, institution, user name, roles",
            description = "Answers who the token says the caller is, as accounts-service resolves it (realm, institution, user, roles that count). Changes nothing; useful to check a token and show the signed-in user.")
    @APIResponse(responseCode = "200", description = "The verified caller")
    @APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CallerView me() {
        return callers.current();
    }
}
