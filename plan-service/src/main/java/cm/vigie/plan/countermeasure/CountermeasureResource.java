package cm.vigie.plan.countermeasure;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

@Path("/api/plans/countermeasures")
@Tag(name = "Countermeasures", description = "The DISARM blue countermeasure catalogue and recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CountermeasureResource {

    private final CountermeasureCatalogue catalogue;
    private final CountermeasureRecommender recommender;

    CountermeasureResource(CountermeasureCatalogue catalogue, CountermeasureRecommender recommender) {
        this.catalogue = catalogue;
        this.recommender = recommender;
    }

    @GET
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listPlanCountermeasures", summary = "The countermeasure catalogue (DISARM blue ids and names, guidance in French and English)",
            description = "Lists the countermeasure catalogue (DISARM blue ids and names, guidance in French and English). Changes nothing.")
    @APIResponse(responseCode = "200", description = "Every countermeasure, by id")
    @APIResponse(responseCode = "406", description = "Only JSON is offered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Countermeasure> list() {
        return catalogue.all();
    }

    @POST
    @Path("/recommend")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "recommendPlanCountermeasures", summary = "Propose a decision and countermeasures for a threat assessment, with reasons",
            description = "Proposes a decision (respond, monitor only, do not amplify) and countermeasures for a threat assessment, best first, with the reasons. Changes nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "fast health hoax", value = """
            {"reach":25000,"velocity":120,"harm":"HIGH","hoaxKnown":true,"informationVoid":false,"mediaInterest":true,"upcomingEvent":false}""")))
    @APIResponse(responseCode = "200", description = "Best first", content = @Content(schema = @Schema(implementation = Recommendation.class)))
    @APIResponse(responseCode = "400", description = "Invalid assessment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Recommendation recommend(@Valid @NotNull ThreatAssessment threat, HttpHeaders headers) {
        return recommender.recommend(threat, Messages.choose(headers.getAcceptableLanguages()));
    }
}
