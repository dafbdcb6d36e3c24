package cm.vigie.commons.caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.commons.tenancy.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * "Who am I here?": lets a front-end show what the caller may do. Each service exposes it under its own prefix
 * by extending this class with a {@code @Path}.
 */
public abstract class CallerResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentInstitution currentInstitution;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER,
            Roles.VIEWER })
    @Operation(summary = "The caller as this service sees it: realm, institution, user name and roles")
    @APIResponse(responseCode = "200", description = "The verified caller")
    public CallerView me() {
        return new CallerView(currentInstitution.realm().orElse(null), currentInstitution.slug().orElse(null),
                identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList());
    }
}
