package cm.vigie.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.client.ApiClient;
import cm.vigie.client.ApiException;
import cm.vigie.client.api.AlertsApi;
import cm.vigie.client.api.AnalyticsApi;
import cm.vigie.client.api.ExercisesApi;
import cm.vigie.client.api.MentionsApi;
import cm.vigie.client.api.ResponsePlansApi;
import cm.vigie.client.model.Alert;
import cm.vigie.client.model.Decision;
import cm.vigie.client.model.Exercise;
import cm.vigie.client.model.ExerciseDebrief;
import cm.vigie.client.model.ExerciseDecisionRequest;
import cm.vigie.client.model.ExerciseExpectedAlert;
import cm.vigie.client.model.ExerciseScenario;
import cm.vigie.client.model.ExerciseStartRequest;
import cm.vigie.client.model.ExerciseStatus;
import cm.vigie.client.model.ExerciseTimelineMark;
import cm.vigie.client.model.ExerciseTiming;
import cm.vigie.client.model.ItemStatus;
import cm.vigie.client.model.Mention;
import cm.vigie.client.model.PageResponseAlertView;
import cm.vigie.client.model.ResponsePlan;
import cm.vigie.client.model.ResponsePlanRequest;
import cm.vigie.client.model.Series;
import cm.vigie.client.model.SeriesResponse;
import cm.vigie.client.model.TransitionRequest;
import cm.vigie.devstack.Stack;

/**
 * A crisis exercise on the real platform (Keycloak, embedded PostgreSQL, the three services, the gateway), driven
 * through the gateway with real tokens and the generated Java client: minsante's admin starts the gentle library
 * scenario at ×60, its injects go through watch-service's real ingestion until alerts marked with the exercise fire,
 * the team acknowledges, drafts a response plan, decides and gets the plan approved, the debrief scores it (JSON and
 * HTML), the exercise's mentions stay out of the real analytics, and deleting the exercise removes its watch data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExerciseEndToEndIT {

    /** The gentle scenario of the library (plan-service/src/main/resources/scenarios): 20 scenario minutes, 20 s at ×60. */
    private static final String SCENARIO = "demo-health-centre";
    private static final String WATCHLIST = "health-centre";
    private static final Duration ALERT_WAIT = Duration.ofSeconds(60);
    private static final Duration COMPLETION_WAIT = Duration.ofSeconds(90);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Stack stack;
    private static EndToEndStack running;

    private static UUID exerciseId;
    private static UUID watchlistId;
    private static UUID alertId;
    private static UUID planId;

    @BeforeAll
    static void bootTheStack() {
        running = EndToEndStack.start("exercise");
        stack = running.stack();
    }

    @AfterAll
    static void closeTheStackAndLeaveNothingBehind() {
        if (running != null) {
            running.close();
        }
    }

    private static String token(String user) {
        return stack.tokens().passwordGrant("minsante", user, "demo");
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient(HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5)), ApiClient.createDefaultObjectMapper(), stack.gatewayUrl());
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static ExercisesApi exercises(String user) {
        return new ExercisesApi(client(token(user)));
    }

    private static AlertsApi alerts(String user) {
        return new AlertsApi(client(token(user)));
    }

    private static ResponsePlansApi plans(String user) {
        return new ResponsePlansApi(client(token(user)));
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws ApiException;
    }

    /** The call must fail with this status and an RFC 9457 problem body. */
    private static void assertProblem(int status, Call<?> call) {
        ApiException e = assertThrows(ApiException.class, call::run);
        assertEquals(status, e.getCode(), e.getResponseBody());
        String contentType = e.getResponseHeaders() == null ? ""
                : e.getResponseHeaders().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith("application/problem+json"), "problem+json expected, got " + contentType);
    }

    /** Polls {@code call} every half second until {@code done} holds or {@code timeout} passes; answers the last value. */
    private static <T> T await(String what, Duration timeout, Call<T> call, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = call.run();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                fail(what + " not within " + timeout + "; last: " + last);
            }
            Thread.sleep(500);
            last = call.run();
        }
        return last;
    }

    private static PageResponseAlertView exerciseAlerts(AlertsApi api, UUID exercise) throws ApiException {
        return api.listWatchAlerts(AlertsApi.APIListWatchAlertsRequest.newBuilder().exerciseId(exercise).size(100)
                .sort("createdAt,asc").build());
    }

    private static List<Mention> exerciseMentions(String user, UUID exercise) throws ApiException {
        return new MentionsApi(client(token(user))).listWatchMentions(MentionsApi.APIListWatchMentionsRequest.newBuilder()
                .exerciseId(exercise).size(100).build()).getItems();
    }

    private static Exercise exercise(String user, UUID id) throws ApiException {
        return exercises(user).getExercise(ExercisesApi.APIGetExerciseRequest.newBuilder().id(id).build());
    }

    private static long volume(UUID watchlist, UUID exercise) throws ApiException {
        SeriesResponse response = new AnalyticsApi(client(token("analyst"))).watchVolumeSeries(
                AnalyticsApi.APIWatchVolumeSeriesRequest.newBuilder().watchlistId(List.of(watchlist)).exerciseId(exercise).build());
        return response.getSeries().stream().filter(s -> watchlist.equals(s.getId())).mapToLong(Series::getTotal).sum();
    }

    private static String etag(ResponsePlan plan) {
        return "\"" + plan.getVersion() + "\"";
    }

    @Test
    @Order(1)
    void everyoneSeesTheScenarioLibraryAndOnlyAnAdminStartsAnExercise() throws Exception {
        List<ExerciseScenario> library = exercises("cm").listExerciseScenarios().getItems();
        List<String> ids = library.stream().map(ExerciseScenario::getId).toList();
        assertTrue(ids.containsAll(List.of(SCENARIO, "vaccination-sterility", "minister-mobile-money", "exam-results-list")),
                "the library: " + ids);
        ExerciseScenario gentle = library.stream().filter(s -> s.getId().equals(SCENARIO)).findFirst().orElseThrow();
        assertEquals("PT20M", gentle.getDuration());
        assertTrue(gentle.getInjects() > 0, "mentions posted: " + gentle.getInjects());
        assertFalse(gentle.getTitle().getFr().isBlank());
        assertFalse(gentle.getTitle().getEn().isBlank());
        assertFalse(gentle.getSummary().getEn().isBlank());

        assertProblem(403, () -> exercises("cm").startExercise(ExercisesApi.APIStartExerciseRequest.newBuilder()
                .exerciseStartRequest(new ExerciseStartRequest().scenarioId(SCENARIO).speed(60)).build()));
        assertProblem(400, () -> exercises("admin").startExercise(ExercisesApi.APIStartExerciseRequest.newBuilder()
                .exerciseStartRequest(new ExerciseStartRequest().scenarioId(SCENARIO).speed(7)).build()));
    }

    @Test
    @Order(2)
    void anAcceleratedExerciseRaisesAlertsMarkedWithItsId() throws Exception {
        Exercise started = exercises("admin").startExercise(ExercisesApi.APIStartExerciseRequest.newBuilder()
                .exerciseStartRequest(new ExerciseStartRequest().scenarioId(SCENARIO).speed(60)).build());
        exerciseId = started.getId();
        assertNotNull(exerciseId);
        assertEquals(SCENARIO, started.getScenarioId());
        assertEquals(60, started.getSpeed());
        assertEquals(ExerciseStatus.RUNNING, started.getStatus());
        watchlistId = started.getSetup().getWatchlists().get(WATCHLIST);
        assertNotNull(watchlistId, "the scenario's watchlist created in watch-service: " + started.getSetup());

        long start = System.nanoTime();
        AlertsApi cm = alerts("cm");
        PageResponseAlertView fired = await("an alert of the exercise", ALERT_WAIT, () -> exerciseAlerts(cm, exerciseId),
                page -> !page.getItems().isEmpty());
        System.out.printf("[exercise] first alert listed %.1f s after the start%n", (System.nanoTime() - start) / 1e9);
        for (Alert alert : fired.getItems()) {
            assertEquals(exerciseId, alert.getExerciseId(), "every listed alert is the exercise's");
        }
        Alert keyword = fired.getItems().stream().filter(a -> watchlistId.equals(a.getWatchlistId())).findFirst()
                .orElseThrow(() -> new AssertionError("no alert on the scenario's watchlist: " + fired.getItems()));
        alertId = keyword.getId();

        // the mentions are marked too, with the runner's external ids
        List<Mention> mentions = exerciseMentions("cm", exerciseId);
        assertFalse(mentions.isEmpty());
        for (Mention mention : mentions) {
            assertEquals(exerciseId, mention.getExerciseId());
            assertTrue(mention.getExternalId().startsWith("ex-" + exerciseId + "-"), mention.getExternalId());
        }
        // a list without the parameter shows it too, marked (people taking part acknowledge from there)
        assertTrue(cm.listWatchAlerts(AlertsApi.APIListWatchAlertsRequest.newBuilder().size(100).build()).getItems().stream()
                .anyMatch(a -> alertId.equals(a.getId()) && exerciseId.equals(a.getExerciseId())));
    }

    @Test
    @Order(3)
    void theTeamAcknowledgesDraftsDecidesAndGetsThePlanApproved() throws Exception {
        assertNotNull(alertId, "fired in the previous test");
        Alert acknowledged = alerts("cm").acknowledgeWatchAlert(AlertsApi.APIAcknowledgeWatchAlertRequest.newBuilder()
                .id(alertId).build());
        assertNotNull(acknowledged.getAcknowledgedAt());

        ResponsePlansApi cm = plans("cm");
        ResponsePlan draft = cm.createResponsePlan(ResponsePlansApi.APICreateResponsePlanRequest.newBuilder()
                .responsePlanRequest(new ResponsePlanRequest().alertId(alertId)
                        .title("Rupture d'antipaludiques à Nkol-Ewoué")
                        .situationSummary("Des mères signalent une rupture au centre de santé ; le district annonce un réapprovisionnement jeudi.")
                        .decision(Decision.MONITOR_ONLY)
                        .rationale("Information exacte, déjà corrigée par le district : suivre sans amplifier."))
                .build());
        planId = draft.getId();
        assertEquals(exerciseId, draft.getExerciseId(), "a plan drafted from an exercise alert carries its exerciseId");
        assertEquals(watchlistId, draft.getWatchlistId());
        assertEquals(ItemStatus.DRAFT, draft.getStatus());

        Exercise decided = exercises("cm").decideExercise(ExercisesApi.APIDecideExerciseRequest.newBuilder().id(exerciseId)
                .exerciseDecisionRequest(new ExerciseDecisionRequest().decision(Decision.MONITOR_ONLY)
                        .note("Le district a déjà répondu")).build());
        assertEquals(Decision.MONITOR_ONLY, decided.getDecision());
        assertEquals("cm", decided.getDecidedBy());

        ResponsePlan submitted = cm.submitResponsePlan(ResponsePlansApi.APISubmitResponsePlanRequest.newBuilder().id(planId)
                .ifMatch(etag(draft)).transitionRequest(new TransitionRequest().comment("Pour validation")).build());
        assertEquals(ItemStatus.IN_REVIEW, submitted.getStatus());

        ResponsePlan approved = plans("approver").approveResponsePlan(ResponsePlansApi.APIApproveResponsePlanRequest
                .newBuilder().id(planId).ifMatch(etag(submitted)).transitionRequest(new TransitionRequest().comment("OK")).build());
        assertEquals(ItemStatus.APPROVED, approved.getStatus());
    }

    @Test
    @Order(4)
    void theDebriefScoresTheExercise() throws Exception {
        assertNotNull(planId, "approved in the previous test");
        ExercisesApi viewer = exercises("viewer");
        Exercise done = await("the scenario's end", COMPLETION_WAIT,
                () -> viewer.getExercise(ExercisesApi.APIGetExerciseRequest.newBuilder().id(exerciseId).build()),
                e -> e.getStatus() == ExerciseStatus.COMPLETED || e.getStatus() == ExerciseStatus.STOPPED);
        assertEquals(ExerciseStatus.COMPLETED, done.getStatus(), "at x60 the 20 scenario minutes end on their own: " + done);
        assertEquals(done.getPostsTotal(), done.getPostsSent());

        ExerciseDebrief debrief = exercises("cm").getExerciseDebrief(ExercisesApi.APIGetExerciseDebriefRequest.newBuilder()
                .id(exerciseId).build());
        assertEquals(exerciseId, debrief.getExerciseId());
        assertEquals(ExerciseStatus.COMPLETED, debrief.getStatus());
        assertEquals("PT20M", debrief.getScenarioClock());
        assertEquals(List.of(), debrief.getWarnings());

        ExerciseTiming firstAlert = debrief.getTimes().getFirstAlert();
        assertNotNull(firstAlert.getAt(), "time to the first alert: " + firstAlert);
        assertNotNull(firstAlert.getScenarioMs());
        assertNotNull(firstAlert.getWallMs());
        assertTrue(firstAlert.getWallMs() < ALERT_WAIT.toMillis(), firstAlert.toString());
        assertNotNull(debrief.getTimes().getAcknowledgement().getAt());
        assertNotNull(debrief.getTimes().getResponsePlan().getAt());
        assertNotNull(debrief.getTimes().getApproval().getAt());
        assertNull(debrief.getTimes().getPublication().getAt(), "MONITOR_ONLY: nothing published");
        assertEquals("PT10M", debrief.getTimes().getResponsePlan().getDeadline());
        // the team acted after the first alert, at scenario times in order
        assertTrue(debrief.getTimes().getAcknowledgement().getScenarioMs() >= firstAlert.getScenarioMs());
        assertTrue(debrief.getTimes().getApproval().getScenarioMs() >= debrief.getTimes().getResponsePlan().getScenarioMs());

        assertEquals(Decision.MONITOR_ONLY, debrief.getDecision().getExpected());
        assertEquals(Decision.MONITOR_ONLY, debrief.getDecision().getActual());
        assertEquals("EXERCISE", debrief.getDecision().getSource());
        assertTrue(debrief.getDecision().getCorrect());

        assertEquals(0, debrief.getMissed(), debrief.getExpectedAlerts().toString());
        ExerciseExpectedAlert expected = debrief.getExpectedAlerts().get(0);
        assertEquals("KEYWORD", expected.getRule());
        assertEquals(WATCHLIST, expected.getSubject());
        assertTrue(Set.of("ON_TIME", "LATE").contains(expected.getOutcome()), expected.toString());
        assertNotNull(expected.getAlertId());
        assertTrue(debrief.getFalseAlarms().stream().noneMatch(f -> "NOISE".equals(f.getReason())),
                "noise mentions raised alerts: " + debrief.getFalseAlarms());
        assertTrue(debrief.getScore() >= 0 && debrief.getScore() <= 100);

        assertEquals(20, debrief.getTimeline().getMinutes().size());
        assertEquals(done.getPostsSent().intValue(), debrief.getTimeline().getMinutes().stream()
                .mapToInt(m -> m.getMentions()).sum());
        assertFalse(debrief.getTimeline().getAlerts().isEmpty());
        List<String> actions = debrief.getTimeline().getActions().stream().map(ExerciseTimelineMark::getKind).toList();
        assertTrue(actions.containsAll(List.of("ACKNOWLEDGED", "RESPONSE_PLAN", "APPROVED", "DECISION")), actions.toString());
    }

    @Test
    @Order(5)
    void theHtmlDebriefDrawsItsChart() throws Exception {
        assertNotNull(exerciseId);
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.gatewayUrl() + "/api/plans/exercises/" + exerciseId + "/debrief"))
                .header("Authorization", "Bearer " + token("viewer"))
                .header("Accept", "text/html").header("Accept-Language", "fr").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                page.headers().firstValue("Content-Type").orElse(""));
        assertTrue(page.body().contains("<svg"), "an inline SVG chart");
        assertTrue(page.body().contains("name=\"viewport\""), "readable on a phone");
        assertFalse(page.body().contains("<script src="), "no external script");

        HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.gatewayUrl() + "/api/plans/exercises/" + exerciseId + "/debrief"))
                .header("Authorization", "Bearer " + token("viewer")).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, json.statusCode());
        assertEquals(exerciseId.toString(), read(json.body()).path("exerciseId").asText());
    }

    @Test
    @Order(6)
    void exerciseMentionsNeverCountInTheRealAnalytics() throws Exception {
        assertNotNull(watchlistId);
        assertEquals(0, volume(watchlistId, null), "real analytics leave the exercise out");
        long exerciseVolume = volume(watchlistId, exerciseId);
        assertTrue(exerciseVolume > 0, "with ?exerciseId= the exercise's mentions are charted");
        long matched = exerciseMentions("analyst", exerciseId).stream()
                .filter(m -> m.getMatchedWatchlists().contains(watchlistId)).count();
        assertEquals(matched, exerciseVolume, "the chart counts the watchlist's exercise mentions");
    }

    @Test
    @Order(7)
    void deletingTheExerciseRemovesItsWatchData() throws Exception {
        assertNotNull(exerciseId);
        // a completed exercise cannot be stopped again
        assertProblem(409, () -> exercises("admin").stopExercise(ExercisesApi.APIStopExerciseRequest.newBuilder()
                .id(exerciseId).build()));
        ExercisesApi cm = exercises("cm");
        assertProblem(403, () -> cm.deleteExerciseWithHttpInfo(ExercisesApi.APIDeleteExerciseRequest.newBuilder()
                .id(exerciseId).build()));
        assertFalse(exerciseAlerts(alerts("cm"), exerciseId).getItems().isEmpty(), "still there before the deletion");

        exercises("admin").deleteExercise(ExercisesApi.APIDeleteExerciseRequest.newBuilder().id(exerciseId).build());

        assertProblem(404, () -> exercise("admin", exerciseId));
        assertEquals(List.of(), exerciseAlerts(alerts("cm"), exerciseId).getItems());
        assertEquals(List.of(), exerciseMentions("cm", exerciseId));
        assertProblem(404, () -> alerts("cm").getWatchAlert(AlertsApi.APIGetWatchAlertRequest.newBuilder().id(alertId).build()));
        assertProblem(404, () -> plans("cm").getResponsePlan(ResponsePlansApi.APIGetResponsePlanRequest.newBuilder()
                .id(planId).build()));
    }

    @Test
    @Order(8)
    void aRunningExerciseStopsAndIsDeleted() throws Exception {
        ExercisesApi admin = exercises("admin");
        Exercise started = admin.startExercise(ExercisesApi.APIStartExerciseRequest.newBuilder()
                .exerciseStartRequest(new ExerciseStartRequest().scenarioId(SCENARIO).speed(1)).build());
        assertEquals(ExerciseStatus.RUNNING, started.getStatus());
        Exercise stopped = admin.stopExercise(ExercisesApi.APIStopExerciseRequest.newBuilder().id(started.getId()).build());
        assertEquals(ExerciseStatus.STOPPED, stopped.getStatus());
        assertNotNull(stopped.getEndedAt());
        int sent = stopped.getPostsSent();
        Thread.sleep(2000);
        assertEquals(sent, exercise("admin", started.getId()).getPostsSent().intValue(), "no inject after the stop");

        admin.deleteExercise(ExercisesApi.APIDeleteExerciseRequest.newBuilder().id(started.getId()).build());
        assertProblem(404, () -> exercise("admin", started.getId()));
        assertEquals(List.of(), exerciseMentions("cm", started.getId()));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
