package cm.vigie.plan.exercise;

import static cm.vigie.plan.PlanTestSupport.ADMIN;
import static cm.vigie.plan.PlanTestSupport.CM;
import static cm.vigie.plan.PlanTestSupport.MINCOM_CM;
import static cm.vigie.plan.PlanTestSupport.VIEWER;
import static cm.vigie.plan.exercise.ExerciseStubs.INGEST;
import static cm.vigie.plan.exercise.ExerciseStubs.PATH;
import static cm.vigie.plan.exercise.ExerciseStubs.act;
import static cm.vigie.plan.exercise.ExerciseStubs.awaitStatus;
import static cm.vigie.plan.exercise.ExerciseStubs.get;
import static cm.vigie.plan.exercise.ExerciseStubs.start;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.plan.PlanTestResource;
import cm.vigie.plan.WatchStubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest // test resources: the global ones (PostgresTestResource, PlanTestResource, ...) declared by the other plan-service tests
class ExerciseRunTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static com.github.tomakehurst.wiremock.matching.StringValuePattern wm(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(value);
    }

    @BeforeEach
    void stubs() {
        ExerciseStubs.setupAndIngestion();
    }

    @Test
    void theLibraryListsScenariosWithTheirInjectsAndDuration() {
        given().header("Authorization", VIEWER).get(PATH + "/scenarios").then().statusCode(200)
                .body("items.id", hasItem("drill-short"))
                .body("items.find { it.id == 'drill-short' }.injects", equalTo(9))
                .body("items.find { it.id == 'drill-short' }.duration", equalTo("PT10M"))
                .body("items.find { it.id == 'drill-short' }.title.en", equalTo("Short drill: water cut rumour"));
    }

    @Test
    void anAcceleratedRunPostsEveryInjectOnceRetryingAFailedBatchWithTheSameKey() throws Exception {
        // the first batch anyone posts now fails once: it must be retried as is
        var stubs = PlanTestResource.stubs();
        stubs.resetScenarios();
        stubs.stubFor(post(urlEqualTo(INGEST)).atPriority(1).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WatchStubs.json(503, "{\"status\":503}")).willSetStateTo("recovered"));

        var started = start(ADMIN, "drill-short", 60);
        started.then().statusCode(201).body("status", equalTo("RUNNING")).body("speed", equalTo(60))
                .body("scenarioId", equalTo("drill-short")).body("postsTotal", equalTo(10))
                .body("setup.hoaxes.water-cut", equalTo(ExerciseStubs.HOAX.toString()));
        UUID id = UUID.fromString(started.path("id"));
        assertTrue(started.header("Location").endsWith(PATH + "/" + id));

        // setup with the caller's token: persons, hoaxes and watchlists carry the exercise
        stubs.verify(postRequestedFor(urlEqualTo("/api/accounts/persons")).withHeader("Authorization", wm(ADMIN))
                .withRequestBody(matchingJsonPath("$.fullName", wm("Paul Essomba Nkoulou"))));
        stubs.verify(postRequestedFor(urlEqualTo("/api/watch/hoaxes")).withHeader("Authorization", wm(ADMIN))
                .withRequestBody(matchingJsonPath("$.exerciseId", wm(id.toString())))
                .withRequestBody(matchingJsonPath("$.shared", wm("false")))
                .withRequestBody(matchingJsonPath("$.verdict", wm("FALSE"))));
        stubs.verify(postRequestedFor(urlEqualTo("/api/watch/watchlists"))
                .withRequestBody(matchingJsonPath("$.exerciseId", wm(id.toString())))
                .withRequestBody(matchingJsonPath("$.alertRules[0].type", wm("KEYWORD")))
                .withRequestBody(matchingJsonPath("$.alertRules[1].type", wm("REACH")))
                .withRequestBody(matchingJsonPath("$.alertRules[1].threshold", wm("8500"))));

        var done = awaitStatus(ADMIN, id, "COMPLETED", Duration.ofSeconds(45));
        done.then().body("status", equalTo("COMPLETED")).body("postsSent", equalTo(10)).body("scenarioClock", equalTo("PT10M"));

        List<ServeEvent> all = ExerciseStubs.batches(id, e -> true);
        List<ServeEvent> accepted = ExerciseStubs.batches(id, e -> e.getResponse().getStatus() == 202);
        assertEquals(1, all.size() - accepted.size(), "one failed batch");
        ServeEvent failed = all.stream().filter(e -> e.getResponse().getStatus() == 503).findFirst().orElseThrow();
        ServeEvent retry = all.get(all.indexOf(failed) + 1);
        assertEquals(failed.getRequest().getHeader("Idempotency-Key"), retry.getRequest().getHeader("Idempotency-Key"));
        assertEquals(failed.getRequest().getBodyAsString(), retry.getRequest().getBodyAsString(), "the same posts again");

        List<String> posted = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ServeEvent batch : accepted) {
            assertEquals(TestIdentityProvider.SERVICE_KEY, batch.getRequest().getHeader("X-Vigie-Service-Key"));
            assertEquals("minsante", batch.getRequest().getHeader("X-Vigie-Institution"));
            assertFalse(batch.getRequest().containsHeader("Authorization"), "the runner has no caller token");
            assertTrue(keys.add(batch.getRequest().getHeader("Idempotency-Key")), "one key per batch");
            JsonNode body = JSON.readTree(batch.getRequest().getBodyAsString());
            assertEquals(id.toString(), body.path("exerciseId").asText());
            for (JsonNode mention : body.path("mentions")) {
                posted.add(mention.path("externalId").asText() + "/" + mention.path("metrics").path("likes").asText("-"));
                assertFalse(mention.path("author").path("handle").asText().isBlank());
                assertFalse(mention.path("publishedAt").asText().isBlank());
            }
        }
        String prefix = "ex-" + id + "-";
        assertEquals(List.of(prefix + "0-0/3", prefix + "1-0/-", prefix + "2-0/-", prefix + "2-1/-", prefix + "2-2/-", prefix + "2-3/-",
                prefix + "3-0/-", prefix + "2-4/-", prefix + "2-5/-", prefix + "0-0/5400"), posted,
                "every post once, in scenario order, the viral post re-posted with its new metrics");

        // the debrief of the finished run, as a page a phone can show
        ExerciseDebriefTest.checkPageInChromium(id, done.path("startedAt"));
    }

    @Test
    void pauseStopsTheClockResumeContinuesItStopEndsIt() throws Exception {
        var started = start(ADMIN, "drill-short", 1);
        UUID id = UUID.fromString(started.path("id"));
        Thread.sleep(1200);
        act(CM, id, "pause").then().statusCode(403);
        var paused = act(ADMIN, id, "pause");
        paused.then().statusCode(200).body("status", equalTo("PAUSED"));
        long clock = ((Number) paused.path("scenarioClockMs")).longValue();
        assertTrue(clock >= 1000, "the clock ran before the pause: " + clock);
        act(ADMIN, id, "pause").then().statusCode(409);
        Thread.sleep(1500);
        get(VIEWER, id).then().statusCode(200).body("scenarioClockMs", equalTo((int) clock)).body("status", equalTo("PAUSED"));

        var resumed = act(ADMIN, id, "resume");
        resumed.then().statusCode(200).body("status", equalTo("RUNNING"));
        Thread.sleep(1500);
        long running = ((Number) get(VIEWER, id).path("scenarioClockMs")).longValue();
        assertTrue(running >= clock + 1000 && running < clock + 4000, "resumed from " + clock + ": " + running);

        // deleting needs a stopped exercise
        given().header("Authorization", ADMIN).delete(PATH + "/" + id).then().statusCode(409);
        var stopped = act(ADMIN, id, "stop");
        stopped.then().statusCode(200).body("status", equalTo("STOPPED")).body("endedAt", org.hamcrest.Matchers.notNullValue());
        long frozen = ((Number) stopped.path("scenarioClockMs")).longValue();
        Thread.sleep(1100);
        get(VIEWER, id).then().body("scenarioClockMs", equalTo((int) frozen));
        act(ADMIN, id, "resume").then().statusCode(409);
        act(ADMIN, id, "stop").then().statusCode(409);

        // another institution never sees it; everyone of this one takes part
        get(MINCOM_CM, id).then().statusCode(404);
        given().header("Authorization", VIEWER).contentType(ContentType.JSON).body("{\"decision\":\"MONITOR_ONLY\",\"note\":\"on observe\"}")
                .post(PATH + "/" + id + "/decision").then().statusCode(200).body("decision", equalTo("MONITOR_ONLY"))
                .body("decidedBy", equalTo("viewer"));
        given().header("Authorization", VIEWER).contentType(ContentType.JSON).body("{\"decision\":\"PANIC\"}")
                .post(PATH + "/" + id + "/decision").then().statusCode(400);
        given().header("Authorization", ADMIN).get(PATH + "?status=STOPPED").then().statusCode(200).body("items.id", hasItem(id.toString()));
        given().header("Authorization", MINCOM_CM).get(PATH).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id.toString())));

        given().header("Authorization", ADMIN).delete(PATH + "/" + id).then().statusCode(204);
        var stubs = PlanTestResource.stubs();
        stubs.verify(deleteRequestedFor(urlEqualTo("/api/watch/exercises/" + id)).withHeader("Authorization", wm(ADMIN)));
        stubs.verify(deleteRequestedFor(urlEqualTo("/api/accounts/persons/" + ExerciseStubs.PERSON)).withHeader("Authorization", wm(ADMIN)));
        get(ADMIN, id).then().statusCode(404);
    }

    @Test
    void badStartsAreRefusedAndChangeNothing() {
        var stubs = PlanTestResource.stubs();
        int before = stubs.findAll(postRequestedFor(urlEqualTo("/api/watch/watchlists"))).size();
        start(ADMIN, "no-such-scenario", 60).then().statusCode(400).body("errors[0].field", equalTo("scenarioId"));
        start(ADMIN, "drill-short", 30).then().statusCode(400).body("errors[0].field", equalTo("speed"));
        given().header("Authorization", ADMIN).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"scenarioId\":\"drill-short\"}").post(PATH).then().statusCode(400)
                .body("errors[0].message", equalTo("doit valoir 1, 10 ou 60"));
        start(CM, "drill-short", 60).then().statusCode(403);
        assertEquals(before, stubs.findAll(postRequestedFor(urlEqualTo("/api/watch/watchlists"))).size());
    }

    @Test
    void aSetupRefusedByWatchServiceIsUndone() {
        var stubs = PlanTestResource.stubs();
        var refusal = stubs.stubFor(post(urlEqualTo("/api/watch/watchlists")).atPriority(1)
                .willReturn(WatchStubs.json(400, "{\"status\":400,\"title\":\"bad query\"}")));
        try {
            int deletes = stubs.findAll(deleteRequestedFor(urlEqualTo("/api/accounts/persons/" + ExerciseStubs.PERSON))).size();
            start(ADMIN, "drill-short", 60).then().statusCode(502);
            assertEquals(deletes + 1, stubs.findAll(deleteRequestedFor(urlEqualTo("/api/accounts/persons/" + ExerciseStubs.PERSON))).size(),
                    "the person created is removed again");
            given().header("Authorization", ADMIN).get(PATH + "?status=RUNNING").then().statusCode(200);
        } finally {
            stubs.removeStub(refusal);
        }
    }
}
