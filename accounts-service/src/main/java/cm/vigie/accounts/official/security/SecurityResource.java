package cm.vigie.accounts.official.security;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** The security posture of one official account. */
@Path("/api/accounts/official/{id}/security")
@Tag(name = "Official account security", description = "How well each official account is protected, and what to fix")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such account in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SecurityResource {

    static final String ASSESSMENT_EXAMPLE = """
            {"accountId":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","platform":"FACEBOOK","handle":"minsantecm","status":"ACTIVE",\
            "score":45,"findings":[{"code":"NO_2FA","severity":"CRITICAL","penalty":30,"message":{\
            "fr":"La double authentification n’est pas activée : activez-la pour chaque administrateur de la page.",\
            "en":"Two-factor authentication is off: turn it on for every admin of the page."}},\
            {"code":"SINGLE_ADMIN","severity":"HIGH","penalty":15,"message":{\
            "fr":"La page a 1 administrateur(s) : ajoutez un second administrateur de l’institution, pour ne pas la perdre au départ d’une personne.",\
            "en":"The page has 1 admin(s): add a second admin from the institution, so that it is not lost when one person leaves."}},\
            {"code":"ROTATION_OVERDUE","severity":"MEDIUM","penalty":10,"message":{\
            "fr":"Les identifiants ont été changés il y a 120 jours ; changez-les au moins tous les 90 jours.",\
            "en":"Credentials were last rotated 120 days ago; rotate them at least every 90 days."}}],\
            "posture":{"twoFactorEnabled":false,"recoveryEmail":"communication@minsante.cm","credentialsRotatedOn":"2026-07-30",\
            "adminCount":1,"backupAdminPresent":true,"lastReviewOn":"2026-11-02","updatedAt":"2026-11-27T08:00:00Z","updatedBy":"cm"},\
            "assessedAt":"2026-11-27T10:00:00Z"}""";
    private static final String DECLARATION_EXAMPLE = """
            {"twoFactorEnabled":false,"recoveryEmail":"communication@minsante.cm","credentialsRotatedOn":"2026-07-30",\
            "adminCount":1,"backupAdminPresent":true,"lastReviewOn":"2026-11-02"}""";

    private final SecurityService service;

    SecurityResource(SecurityService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getOfficialAccountSecurity", summary = "Security score (0-100) and findings of an official account, in French and English",
            description = "Computes an official account's security score (0-100) and its findings, in French and English, from its declared protection. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The assessment, computed now", content = @Content(
            schema = @Schema(implementation = SecurityView.class), examples = @ExampleObject(name = "weak page", value = ASSESSMENT_EXAMPLE)))
    public SecurityView get(@PathParam("id") UUID id) {
        return service.assess(id);
    }

    @PUT
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "declareOfficialAccountSecurity", summary = "Declare how an official account is protected (If-Match optional); answers the new assessment",
            description = "Records how an official account is protected (two-factor, admins, recovery e-mail, rotation and review dates) and answers the new assessment. If-Match is optional; the declaration is audited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "weak page", value = DECLARATION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Declared; ETag carries the declaration's version", content = @Content(
            schema = @Schema(implementation = SecurityView.class), examples = @ExampleObject(name = "weak page", value = ASSESSMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (dates in the future, bad e-mail, ...)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response declare(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SecurityPostureRequest request) {
        SecurityPosture posture = service.declare(id, ifMatch, request);
        return Response.ok(service.assess(id)).header(HttpHeaders.ETAG, ETags.of(posture.version)).build();
    }
}
