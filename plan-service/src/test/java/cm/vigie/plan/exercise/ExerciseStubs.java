package cm.vigie.plan.exercise;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import cm.vigie.plan.PlanTestResource;
import cm.vigie.plan.WatchStubs;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** watch-service and accounts-service as CONTRACTS.md section 4 describes them, for exercises. */
public final class ExerciseStubs {

    public static final String PATH = "/api/plans/exercises";
    public static final UUID PERSON = UUID.fromString("00000000-0000-4000-8000-00000000e001");
    public static final UUID HOAX = UUID.fromString("00000000-0000-4000-8000-00000000e002");
    public static final UUID WATCHLIST = UUID.fromString("00000000-0000-4000-8000-00000000e003");
    public static final String INGEST = "/internal/watch/mentions/batch";

    private ExerciseStubs() {
    }

    public static void setupAndIngestion() {
        var stubs = PlanTestResource.stubs();
        stubs.stubFor(post(urlEqualTo("/api/accounts/persons")).willReturn(WatchStubs.json(201, "{\"id\":\"" + PERSON + "\",\"fullName\":\"x\"}")));
        stubs.stubFor(post(urlEqualTo("/api/watch/hoaxes")).willReturn(WatchStubs.json(201, "{\"id\":\"" + HOAX + "\"}")));
        stubs.stubFor(post(urlEqualTo("/api/watch/watchlists")).willReturn(WatchStubs.json(201, "{\"id\":\"" + WATCHLIST + "\"}")));
        stubs.stubFor(post(urlEqualTo(INGEST)).atPriority(5)
                .willReturn(WatchStubs.json(202, "{\"accepted\":1,\"duplicates\":0,\"rejected\":[]}")));
        stubs.stubFor(delete(urlPathMatching("/api/watch/exercises/.*")).willReturn(aResponse().withStatus(204)));
        stubs.stubFor(delete(urlPathMatching("/api/accounts/persons/.*")).willReturn(aResponse().withStatus(204)));
    }

    /** A page of alerts for {@code GET /api/watch/alerts?exerciseId=}. */
    public static void alerts(UUID exerciseId, String... alerts) {
        PlanTestResource.stubs().stubFor(WireMock.get(urlPathEqualTo("/api/watch/alerts"))
                .withQueryParam("exerciseId", WireMock.equalTo(exerciseId.toString()))
                .willReturn(WatchStubs.json(200, "{\"items\":[" + String.join(",", alerts) + "],\"page\":0,\"size\":100,\"total\":"
                        + alerts.length + "}")));
    }

    /** An alert as watch-service's AlertView shows it; its mentions answered by {@code GET /api/watch/alerts/{id}/mentions}. */
    public static String alert(UUID exerciseId, UUID id, String rule, UUID watchlistId, UUID hoaxId, String author, Instant createdAt,
            Instant acknowledgedAt, String... externalIds) {
        StringBuilder mentions = new StringBuilder();
        for (String externalId : externalIds) {
            mentions.append(mentions.isEmpty() ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID())
                    .append("\",\"externalId\":\"").append(externalId).append("\",\"exerciseId\":\"").append(exerciseId).append("\"}");
        }
        PlanTestResource.stubs().stubFor(WireMock.get(urlPathEqualTo("/api/watch/alerts/" + id + "/mentions"))
                .willReturn(WatchStubs.json(200, "{\"items\":[" + mentions + "],\"page\":0,\"size\":100,\"total\":" + externalIds.length + "}")));
        String json = """
                {"id":"%s","ruleType":"%s","watchlistId":%s,"hoaxId":%s,"authorHandle":%s,"platform":"X","severity":"HIGH",
                 "status":"%s","title":"%s alert","mentionCount":%d,"createdAt":"%s","acknowledgedAt":%s,"exerciseId":"%s"}"""
                .formatted(id, rule, q(watchlistId), q(hoaxId), author == null ? "null" : "\"" + author + "\"",
                        acknowledgedAt == null ? "OPEN" : "ACKNOWLEDGED", rule, externalIds.length, createdAt,
                        acknowledgedAt == null ? "null" : "\"" + acknowledgedAt + "\"", exerciseId);
        PlanTestResource.stubs().stubFor(WireMock.get(urlEqualTo("/api/watch/alerts/" + id)).willReturn(WatchStubs.json(200, json)));
        return json;
    }

    public static Response start(String token, String scenario, int speed) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"scenarioId\":\"" + scenario + "\",\"speed\":" + speed + "}").post(PATH);
    }

    public static Response get(String token, UUID id) {
        return given().header("Authorization", token).get(PATH + "/" + id);
    }

    public static Response act(String token, UUID id, String action) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body("{}").post(PATH + "/" + id + "/" + action);
    }

    /** Waits until the exercise reaches the status, at most {@code timeout}. */
    public static Response awaitStatus(String token, UUID id, String status, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        Response response = get(token, id);
        while (!status.equals(response.path("status")) && Instant.now().isBefore(until)) {
            Thread.sleep(250);
            response = get(token, id);
        }
        return response;
    }

    /** Batches posted for this exercise, oldest first. */
    public static List<ServeEvent> batches(UUID exerciseId, Predicate<ServeEvent> filter) {
        return PlanTestResource.stubs().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(INGEST))
                .filter(e -> e.getRequest().getBodyAsString().contains("\"exerciseId\":\"" + exerciseId + "\""))
                .filter(filter)
                .sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .toList();
    }

    private static String q(UUID id) {
        return id == null ? "null" : "\"" + id + "\"";
    }
}
