package cm.vigie.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo starter against a fake Keycloak token endpoint and a fake gateway, on one local HTTP server. */
class DemoExerciseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXERCISE_ID = "5b1f3c2e-8d7a-4e61-9f0b-2c4d6e8f0a1b";

    private record Call(String method, String path, String query, String authorization, String body) {
    }

    private record Answer(int status, String body) {
    }

    private HttpServer server;
    private HttpClient http;
    private String url;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Function<Call, Answer> gateway = call -> new Answer(404, "{}");
    private volatile String tokenRealmSeen;
    private volatile String tokenUserSeen;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/realms/", this::token);
        server.createContext("/api/", exchange -> {
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            calls.add(call);
            Answer answer = gateway.apply(call);
            reply(exchange, answer.status(), answer.body());
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        http.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        tokenRealmSeen = exchange.getRequestURI().getPath().split("/")[2];
        tokenUserSeen = fields.get("username");
        boolean ok = "demo".equals(fields.get("password")) && "password".equals(fields.get("grant_type"));
        reply(exchange, ok ? 200 : 401, ok ? "{\"access_token\":\"token-of-" + tokenUserSeen + "\"}" : "{\"error\":\"invalid_grant\"}");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private DemoExercise demo() {
        return new DemoExercise(http, url, url);
    }

    @Test
    void startsTheGentleScenarioInMinsanteAsItsAdmin() throws IOException {
        gateway = call -> switch (call.method() + " " + call.path()) {
            case "GET /api/plans/exercises" -> new Answer(200, "{\"items\":[{\"id\":\"old\",\"scenarioId\":\""
                    + DemoExercise.SCENARIO_ID + "\",\"status\":\"COMPLETED\"},{\"id\":\"other\",\"scenarioId\":"
                    + "\"exam-results-list\",\"status\":\"RUNNING\"}],\"page\":0,\"size\":100,\"total\":2}");
            case "POST /api/plans/exercises" -> new Answer(201, "{\"id\":\"" + EXERCISE_ID + "\",\"scenarioId\":\""
                    + DemoExercise.SCENARIO_ID + "\",\"speed\":1,\"status\":\"RUNNING\"}");
            default -> new Answer(404, "{}");
        };

        DemoExercise.Started started = demo().start();

        assertEquals(new DemoExercise.Started(EXERCISE_ID, "RUNNING", false), started);
        assertEquals("minsante", tokenRealmSeen);
        assertEquals("admin", tokenUserSeen);
        Call post = calls.stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
        assertEquals("Bearer token-of-admin", post.authorization());
        JsonNode body = JSON.readTree(post.body());
        assertEquals(DemoExercise.SCENARIO_ID, body.path("scenarioId").asText());
        assertEquals(1, body.path("speed").asInt());
        assertEquals(2, body.size(), "exactly the contract's fields: " + post.body());
    }

    @Test
    void reusesTheDemoExerciseThatIsStillRunning() {
        gateway = call -> call.method().equals("GET")
                ? new Answer(200, "{\"items\":[{\"id\":\"" + EXERCISE_ID + "\",\"scenarioId\":\""
                        + DemoExercise.SCENARIO_ID + "\",\"status\":\"PAUSED\"}],\"page\":0,\"size\":100,\"total\":1}")
                : new Answer(500, "{}");

        assertEquals(new DemoExercise.Started(EXERCISE_ID, "PAUSED", true), demo().start());
        assertTrue(calls.stream().noneMatch(c -> c.method().equals("POST")), "no second demo exercise");
    }

    @Test
    void aRefusalNamesTheCallAndTheAnswer() {
        gateway = call -> call.method().equals("GET")
                ? new Answer(200, "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}")
                : new Answer(422, "{\"title\":\"Unknown scenario\"}");

        StackException e = assertThrows(StackException.class, () -> demo().start());
        assertTrue(e.getMessage().contains("POST /api/plans/exercises answered 422"), e.getMessage());
        assertTrue(e.getMessage().contains("Unknown scenario"), e.getMessage());
    }

    @Test
    void aMissingExercisesApiIsReportedNotIgnored() {
        gateway = call -> new Answer(404, "");

        StackException e = assertThrows(StackException.class, () -> demo().start());
        assertTrue(e.getMessage().contains("GET /api/plans/exercises answered 404"), e.getMessage());
    }

    @Test
    void aCreatedAnswerWithoutIdIsAnError() {
        gateway = call -> call.method().equals("GET")
                ? new Answer(200, "{\"items\":[]}")
                : new Answer(201, "{\"status\":\"RUNNING\"}");

        assertThrows(StackException.class, () -> demo().start());
    }

    @Test
    void waitsForTheExercisesFirstAlert() {
        AtomicInteger polls = new AtomicInteger();
        gateway = call -> {
            if (!call.path().equals("/api/watch/alerts")) {
                return new Answer(404, "{}");
            }
            return polls.incrementAndGet() < 3
                    ? new Answer(200, "{\"items\":[],\"page\":0,\"size\":1,\"total\":0}")
                    : new Answer(200, "{\"items\":[{\"ruleType\":\"KEYWORD\",\"title\":\"Centres de santé et antipaludiques\","
                            + "\"severity\":\"MEDIUM\",\"mentionCount\":2}],\"page\":0,\"size\":1,\"total\":1}");
        };

        Optional<DemoExercise.FirstAlert> alert = demo().awaitFirstAlert(EXERCISE_ID, Duration.ofSeconds(10),
                Duration.ofMillis(20));

        assertEquals(Optional.of(new DemoExercise.FirstAlert("KEYWORD", "Centres de santé et antipaludiques", "MEDIUM", 2)),
                alert);
        Call last = calls.get(calls.size() - 1);
        assertTrue(last.query().contains("exerciseId=" + EXERCISE_ID), last.query());
        assertEquals("Bearer token-of-admin", last.authorization());
    }

    @Test
    void givesUpOnTheFirstAlertAtTheDeadline() {
        gateway = call -> new Answer(200, "{\"items\":[]}");

        assertFalse(demo().awaitFirstAlert(EXERCISE_ID, Duration.ofMillis(200), Duration.ofMillis(20)).isPresent());
        assertTrue(calls.size() >= 2, "polled more than once: " + calls.size());
    }
}
