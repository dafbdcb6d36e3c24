package cm.vigie.accounts.official.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** The institution-wide view of its official accounts' security. */
@Path("/api/accounts/official/security-report")
@Tag(name = "Official account security")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityReportResource {

    private static final String EXAMPLE = """
            {"generatedAt":"2026-11-27T10:00:00Z","accounts":2,"averageScore":65,\
            "findings":[{"code":"NO_2FA","severity":"CRITICAL","accounts":1},{"code":"REVIEW_OVERDUE","severity":"MEDIUM","accounts":1}],\
            "items":[{"accountId":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","platform":"FACEBOOK","handle":"minsantecm",\
            "displayName":"Ministère de la Santé publique","status":"ACTIVE","score":40,"findings":["NO_2FA","SINGLE_ADMIN","ROTATION_OVERDUE"]},\
            {"accountId":"3e0f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b","platform":"X","handle":"minsante_cm",\
            "displayName":"MINSANTE","status":"ACTIVE","score":90,"findings":["REVIEW_OVERDUE"]}]}""";

    private final SecurityService service;

    SecurityReportResource(SecurityService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getOfficialAccountsSecurityReport", summary = "Security of every official account of your institution, worst first",
            description = "Computes the security score and findings of every official account of the institution, worst first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The report, computed now", content = @Content(
            schema = @Schema(implementation = SecurityReport.class), examples = @ExampleObject(name = "two accounts", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SecurityReport report() {
        return service.report();
    }
}
