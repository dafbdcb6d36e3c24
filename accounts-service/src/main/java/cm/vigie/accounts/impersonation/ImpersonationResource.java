package cm.vigie.accounts.impersonation;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.accounts.impersonation.engine.Score;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** Impersonation scoring of candidate accounts against the caller's institution's persons and official accounts. */
@Path("/api/accounts/impersonation")
@Tag(name = "Impersonation", description = "Scoring candidate accounts against protected persons and official accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "Invalid candidates, none, or more than 1,000", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "413", description = "Body over the size limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ImpersonationResource {

    static final String CANDIDATES_EXAMPLE = """
            {"candidates":[{"platform":"FACEBOOK","handle":"MinSante.Officiel","displayName":"Ministère de la Santé Publique (officiel)",\
            "bio":"Page officielle du Ministre de la Santé publique","avatarHash":"e1c3c3c7870f0f1f","createdAt":"2026-11-20T00:00:00Z",\
            "followers":37,"verified":false},{"platform":"X","handle":"cuisine_de_maman"}]}""";
    static final String SCORE_EXAMPLE = """
            {"results":[{"index":0,"verdict":"LIKELY_IMPERSONATION","score":0.87,\
            "closest":{"kind":"OFFICIAL_ACCOUNT","id":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","platform":"FACEBOOK","handle":"minsantecm","displayName":"Ministère de la Santé publique"},\
            "signals":[{"code":"HANDLE_SKELETON","contribution":0.45,"detail":"handle core minsante equals the official minsante"},\
            {"code":"BAIT_TOKEN","contribution":0.15,"detail":"bait token officiel"},{"code":"YOUNG_ACCOUNT","contribution":0.05,"detail":"created 7 days ago"}]},\
            {"index":1,"verdict":"UNRELATED","score":0.0,"closest":null,"signals":[]}]}""";
    static final String SCAN_EXAMPLE = """
            {"threshold":0.6,"opened":1,"updated":0,"results":[{"index":0,"verdict":"LIKELY_IMPERSONATION","score":0.87,"action":"OPENED",\
            "suspectId":"3c2e1f0a-9b8d-4c7e-a6f5-4d3c2b1a0f9e"},{"index":1,"verdict":"UNRELATED","score":0.0,"action":"IGNORED","suspectId":null}]}""";

    private final ImpersonationService service;

    ImpersonationResource(ImpersonationService service) {
        this.service = service;
    }

    @POST
    @Path("/score")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "scoreImpersonationCandidates", summary = "Score up to 1,000 candidate accounts against your protected persons and official accounts (records nothing)",
            description = "Scores each candidate account (handle, display name, photo hash) against the institution's protected persons and official accounts and returns the scores and reasons. Records nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "candidates", value = CANDIDATES_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One result per candidate, in order", content = @Content(schema = @Schema(implementation = ScoreResponse.class), examples = @ExampleObject(name = "scores", value = SCORE_EXAMPLE)))
    public ScoreResponse score(@Valid @NotNull CandidatesRequest request) {
        List<Score> scores = service.score(request.candidates());
        List<ScoreResponse.Result> results = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            results.add(ImpersonationService.view(i, scores.get(i)));
        }
        return new ScoreResponse(results);
    }

    @POST
    @Path("/scan")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "scanImpersonationCandidates", summary = "Score up to 1,000 candidates and open or update a suspect account for each at or above your institution's threshold",
            description = "Scores each candidate like the score operation, and for every one at or above the institution's threshold opens a suspect account case (SUSPECTED) or updates the existing one. Changes are audited in each case's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "candidates", value = CANDIDATES_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What the scan did, one result per candidate", content = @Content(schema = @Schema(implementation = ScanResponse.class), examples = @ExampleObject(name = "scan", value = SCAN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Another scan opened the same suspect at the same moment; retry", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScanResponse scan(@Valid @NotNull CandidatesRequest request) {
        return service.scan(request.candidates());
    }
}
