package cm.vigie.watch.exercise;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

@Path("/api/watch/exercises")
@Tag(name = "Exercises", description = "Data that crisis exercises left in watch-service (plan-service runs the exercises)")
@Produces(MediaType.APPLICATION_JSON)
public class ExerciseResource {

    private final ExerciseDataService service;

    ExerciseResource(ExerciseDataService service) {
        this.service = service;
    }

    @DELETE
    // 204 has no body, only problems do: a client that accepts nothing but problem+json (the generated ones) must not get 406
    @Path("/{id}")
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "deleteWatchExerciseData", summary = "Delete one exercise's mentions, matches, alerts (with their events and links), hoaxes and watchlists of your institution",
            description = "Deletes everything one exercise created in the institution's watch data: mentions, matches, alerts with their events and links, hoaxes and watchlists. Audited, even when there was nothing to delete; called by plan-service when an exercise is deleted.")
    @APIResponse(responseCode = "204", description = "Deleted, or there was nothing of this exercise; audited either way")
    @APIResponse(responseCode = "404", description = "The id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only an institution-admin may delete exercise data", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(
            @Parameter(description = "The exercise, as plan-service created it", example = "5d1c3a8e-2f4b-4c7a-9e1d-3b6f8a2c4e10") @PathParam("id") UUID exerciseId) {
        service.delete(exerciseId);
        return Response.noContent().build();
    }
}
