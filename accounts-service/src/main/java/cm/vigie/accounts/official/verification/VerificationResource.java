package cm.vigie.accounts.official.verification;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** Proving that the institution controls one of its official accounts. */
@Path("/api/accounts/official/{id}/verification")
@Tag(name = "Official accounts", description = "The accounts an institution publishes from")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such account in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class VerificationResource {

    private static final String CHALLENGE = """
            {"code":"VIGIE-7KQ2M9XH4T","expiresAt":"2026-11-30T08:00:00Z"}""";
    private static final String QUEUED = """
            {"id":"5d0c7f3e-8a61-4c1b-9f57-2b4e6a9d1c02","accountId":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","state":"QUEUED",\
            "code":"VIGIE-7KQ2M9XH4T","expiresAt":"2026-11-30T08:00:00Z","evidenceUrl":"https://www.facebook.com/minsante.officiel",\
            "check":"NO_CONNECTOR","operatorReviewRequired":true,"resembles":[{"kind":"OFFICIAL_ACCOUNT",\
            "id":"2f9d8c1a-6b3e-4f70-8d2c-1a5b9e7f3c44","institution":"minsante","platform":"FACEBOOK","handle":"minsantecm",\
            "displayName":"Ministère de la Santé publique","score":0.9}],"submittedAt":"2026-11-27T08:05:00Z"}""";
    private static final String VERIFIED = """
            {"id":"5d0c7f3e-8a61-4c1b-9f57-2b4e6a9d1c02","accountId":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","state":"VERIFIED",\
            "code":"VIGIE-7KQ2M9XH4T","expiresAt":"2026-11-30T08:00:00Z","evidenceUrl":"https://www.facebook.com/MinSanteCM",\
            "check":"CODE_FOUND","operatorReviewRequired":false,"resembles":[],"submittedAt":"2026-11-27T08:05:00Z",\
            "decidedAt":"2026-11-27T08:05:00Z","decidedBy":"connector","decisionReason":"code found on the profile by the connector"}""";

    private final VerificationService service;

    VerificationResource(VerificationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "requestOfficialAccountVerificationCode", summary = "Get a code to put on the page (bio or a post); a new code replaces the previous one",
            description = "Issues a code to publish on the account's page (bio or post) to prove ownership; a new code replaces the previous one. Stores the code and its expiry.")
    @APIResponse(responseCode = "200", description = "The code and when it expires", content = @Content(schema = @Schema(implementation = ChallengeView.class), examples = @ExampleObject(name = "code", value = CHALLENGE)))
    @APIResponse(responseCode = "409", description = "Already verified", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChallengeView issue(@PathParam("id") UUID id) {
        return ChallengeView.of(service.issue(id));
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getOfficialAccountVerification", summary = "Where the proof of ownership of an official account stands",
            description = "Returns where the proof of ownership of an official account stands (no code, code issued, queued, verified, rejected). Changes nothing.")
    @APIResponse(responseCode = "200", description = "The current claim", content = @Content(schema = @Schema(implementation = ClaimView.class), examples = @ExampleObject(name = "queued", value = QUEUED)))
    public ClaimView current(@PathParam("id") UUID id) {
        return ClaimView.of(service.current(id));
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "checkOfficialAccountVerification", summary = "Submit where the code can be seen; a connector checks the profile where it can, otherwise (or when the account resembles another institution's) a platform operator decides",
            description = "Submits where the code can be seen: a connector checks the profile where it can and verifies the account, otherwise (or when the account resembles another institution's) the claim is queued for a platform operator. Recorded in the account's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "page", value = """
            {"evidenceUrl":"https://www.facebook.com/minsante.officiel"}""")))
    @APIResponse(responseCode = "200", description = "Verified by the connector, or queued for a platform operator", content = @Content(schema = @Schema(implementation = ClaimView.class), examples = {
            @ExampleObject(name = "queued", value = QUEUED), @ExampleObject(name = "verified", value = VERIFIED) }))
    @APIResponse(responseCode = "400", description = "Evidence URL missing or not a URL", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already verified, no code requested yet, or already waiting for an operator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The code expired: request a new one", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClaimView check(@PathParam("id") UUID id, @Valid @NotNull EvidenceRequest evidence) {
        return ClaimView.of(service.check(id, evidence.evidenceUrl()));
    }
}
