package cm.vigie.accounts.impersonation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cm.vigie.accounts.impersonation.engine.Score;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.ServiceCall;
import cm.vigie.commons.tenancy.ServiceKey;

/**
 * Impersonation scoring for other Vigie services (watch-service checks the authors of new mentions from its jobs,
 * without a user token): the service key, the institution named by {@code X-Vigie-Institution}, then the same body,
 * scoring and answer as {@code POST /api/accounts/impersonation/score}. Internal: the gateway never routes it.
 */
@Path("/internal/accounts/impersonation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalImpersonationResource {

    private final ImpersonationService service;
    private final ServiceCall serviceCall;
    private final Validator validator;

    InternalImpersonationResource(ImpersonationService service, ServiceCall serviceCall, Validator validator) {
        this.service = service;
        this.serviceCall = serviceCall;
        this.validator = validator;
    }

    @POST
    @Path("/score")
    @PermitAll
    @Operation(hidden = true)
    public ScoreResponse score(@HeaderParam(ServiceKey.HEADER) String presentedKey,
            @HeaderParam(ServiceCall.INSTITUTION_HEADER) String institution, CandidatesRequest request) {
        // the key first: without it nothing about the body is answered
        serviceCall.actAs(presentedKey, institution);
        if (request == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "problem.malformed-request.detail");
        }
        Set<ConstraintViolation<CandidatesRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        List<Score> scores = service.score(request.candidates());
        List<ScoreResponse.Result> results = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            results.add(ImpersonationService.view(i, scores.get(i)));
        }
        return new ScoreResponse(results);
    }
}
