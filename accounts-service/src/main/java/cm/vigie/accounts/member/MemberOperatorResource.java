package cm.vigie.accounts.member;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** What platform operators see and do about an institution's team. */
@Path("/api/institutions/{id}")
@Tag(name = "Institutions", description = "Tenants of the platform (platform operators)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a platform operator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No institution has this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Keycloak unreachable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MemberOperatorResource {

    private final MemberService service;

    MemberOperatorResource(MemberService service) {
        this.service = service;
    }

    @GET
    @Path("/members/summary")
    @Operation(operationId = "getInstitutionMembersSummary", summary = "An institution's team at a glance",
            description = "Member counts (active, invited, disabled), two-factor coverage of the members not disabled, and the pending invitations, read from the institution's realm. Only platform-admin (realm platform) may call it; no names beyond user names of pending invitations. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(schema = @Schema(implementation = MemberAnswers.Summary.class)))
    public MemberAnswers.Summary summary(@PathParam("id") UUID id) {
        return service.summary(id);
    }

    @POST
    @Path("/admin-activation")
    @Operation(operationId = "resendInstitutionAdminActivation", summary = "Give the first administrator a new one-time secret",
            description = "When the institution's first administrator (its oldest institution-admin) has not activated their account yet, replaces their temporary password by a new one returned once in this answer (never stored by Vigie). Only platform-admin (realm platform) may call it. Changes: the administrator's Keycloak password and history (MEMBER_ADMIN_ACTIVATION_RESENT). 409 once they have activated: their institution's admins then manage them.")
    @APIResponse(responseCode = "200", description = "New secret, shown only here", content = @Content(schema = @Schema(implementation = MemberAnswers.AdminActivation.class)))
    @APIResponse(responseCode = "409", description = "The first administrator has activated already, or the realm has no institution-admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MemberAnswers.AdminActivation resendAdminActivation(@PathParam("id") UUID id) {
        return service.resendAdminActivation(id);
    }
}
