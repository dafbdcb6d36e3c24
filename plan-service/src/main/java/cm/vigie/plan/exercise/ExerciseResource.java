package cm.vigie.plan.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;
import cm.vigie.plan.exercise.scenario.Scenario;
import cm.vigie.plan.exercise.scoring.Debrief;
import cm.vigie.plan.exercise.scoring.DebriefPage;
import cm.vigie.plan.exercise.scoring.DebriefService;

@Path("/api/plans/exercises")
@Tag(name = "Exercises", description = "Crisis exercises: scenarios replayed through the real watch pipeline, scored and debriefed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed: only institution admins run exercises", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ExerciseResource {

    static final String NOT_FOUND = "No exercise with this id in your institution";

    private final ExerciseService service;
    private final DebriefService debriefs;

    ExerciseResource(ExerciseService service, DebriefService debriefs) {
        this.service = service;
        this.debriefs = debriefs;
    }

    @GET
    @Path("/scenarios")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listExerciseScenarios", summary = "List the scenario library: id, title and summary in French and English, mentions posted, duration",
            description = "Lists the crisis exercise scenario library (titles and summaries in French and English, mentions posted, duration). Changes nothing.")
    @APIResponse(responseCode = "200", description = "Every scenario of the library", content = @Content(schema = @Schema(implementation = ScenarioView.Items.class),
            examples = @ExampleObject(name = "library", value = """
                    {"items":[{"id":"vaccination-sterility","title":{"fr":"Vaccin HPV et stérilité","en":"HPV vaccine and sterility"},
                    "summary":{"fr":"Une rumeur ...","en":"A rumour ..."},"injects":320,"duration":"PT1H","gentle":false}]}""")))
    public ScenarioView.Items scenarios() {
        return new ScenarioView.Items(service.scenarios().stream().map(ScenarioView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "startExercise", summary = "Start a scenario in your institution at ×1, ×10 or ×60: creates its watchlists, hoaxes and protected persons, then posts its injects in the background",
            description = "Starts a scenario for the institution at x1, x10 or x60: creates its watchlists and hoaxes in watch-service and its protected persons in accounts-service (all marked with the exercise), then posts its injects in the background. Nothing is kept when a service refuses the setup (502); audited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "accelerated", value = "{\"scenarioId\":\"vaccination-sterility\",\"speed\":10}")))
    @APIResponse(responseCode = "201", description = "Running; Location set", content = @Content(schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "400", description = "Unknown scenario or speed other than 1, 10, 60", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "watch-service or accounts-service refused the setup (nothing kept)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@NotNull StartRequest request, UriInfo uri) {
        Exercise exercise = service.start(request);
        return Response.created(uri.getAbsolutePathBuilder().path(exercise.id.toString()).build()).entity(view(exercise)).build();
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listExercises", summary = "List your institution's exercises, newest first",
            description = "Lists the institution's exercises, newest first, filtered by status. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid paging or status", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<ExerciseView> list(@Parameter(description = "Only this status", example = "RUNNING") @QueryParam("status") ExerciseStatus status,
            @Valid @BeanParam PageRequest page) {
        return service.list(status, page).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getExercise", summary = "Read an exercise: status, scenario clock, posts sent, decision",
            description = "Returns an exercise: status, scenario clock, posts sent and the team's decision. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The exercise", content = @Content(schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExerciseView get(@PathParam("id") UUID id) {
        return view(service.get(id));
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "pauseExercise", summary = "Pause a running exercise: its scenario clock stops, no inject is posted",
            description = "Pauses a running exercise: its scenario clock stops and no inject is posted until it resumes. Audited.")
    @APIResponse(responseCode = "200", description = "Paused", content = @Content(schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not running", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExerciseView pause(@PathParam("id") UUID id) {
        return view(service.pause(id));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "resumeExercise", summary = "Resume a paused exercise from where its scenario clock stopped",
            description = "Resumes a paused exercise from where its scenario clock stopped. Audited.")
    @APIResponse(responseCode = "200", description = "Running again", content = @Content(schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not paused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExerciseView resume(@PathParam("id") UUID id) {
        return view(service.resume(id));
    }

    @POST
    @Path("/{id}/stop")
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "stopExercise", summary = "Stop an exercise for good: no more injects; the debrief stays available",
            description = "Stops an exercise for good: no more injects; its data and debrief stay until it is deleted. Audited.")
    @APIResponse(responseCode = "200", description = "Stopped", content = @Content(schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already stopped or completed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExerciseView stop(@PathParam("id") UUID id) {
        return view(service.stop(id));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "decideExercise", summary = "Record the team's decision (RESPOND, MONITOR_ONLY or DO_NOT_AMPLIFY) at the current scenario time; a later one replaces it",
            description = "Records the team's decision (RESPOND, MONITOR_ONLY or DO_NOT_AMPLIFY) at the current scenario time; a later decision replaces it and the debrief scores it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "respond", value = "{\"decision\":\"RESPOND\",\"note\":\"Répondre avant la campagne\"}")))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown decision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExerciseView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return view(service.decide(id, request));
    }

    @DELETE
    // 204 has no body, only problems do: a client that accepts nothing but problem+json (the generated ones) must not get 406
    @Path("/{id}")
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "deleteExercise", summary = "Delete a stopped or completed exercise everywhere: its response plans, its watch data (mentions, alerts, hoaxes, watchlists) and the protected persons it created",
            description = "Deletes a stopped or completed exercise everywhere: its response plans here, its mentions, alerts, hoaxes and watchlists in watch-service and the protected persons it created in accounts-service. Audited; nothing is deleted here when another service refuses (502).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Still running or paused: stop it first", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "watch-service or accounts-service refused; nothing deleted here, try again", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }

    @GET
    @Path("/{id}/debrief")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getExerciseDebrief", summary = "Score the exercise: times to first alert, acknowledgement, response plan, approval and publication (scenario and wall time), decision, missed alerts, false alarms; JSON, or a self-contained HTML page with Accept: text/html",
            description = "Scores an exercise: times to first alert, acknowledgement, response plan, approval and publication (scenario and wall time), decision, missed alerts and false alarms; JSON, or a self-contained HTML page with Accept: text/html. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The debrief", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Debrief.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "watch-service could not be asked for the exercise's alerts", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response debrief(@PathParam("id") UUID id, HttpHeaders headers) {
        Debrief debrief = debriefs.debrief(id);
        if (wantsHtml(headers.getAcceptableMediaTypes())) {
            List<Locale> languages = headers.getAcceptableLanguages();
            Locale locale = languages.isEmpty() ? Locale.ENGLISH : languages.get(0);
            return Response.ok(DebriefPage.render(debrief, locale), MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
        }
        return Response.ok(debrief, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean wantsHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    private ExerciseView view(Exercise exercise) {
        Scenario scenario = service.scenarios().stream().filter(s -> s.id().equals(exercise.scenarioId)).findFirst().orElse(null);
        return ExerciseView.of(exercise, scenario, Instant.now());
    }
}
