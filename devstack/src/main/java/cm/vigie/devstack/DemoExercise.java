package cm.vigie.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first-start demo: runs the gentle scenario ({@value #SCENARIO_ID}, docs/scenarios.md) in {@value #REALM} through
 * the exercises API, as that institution's admin, so that a new user of {@code ./platform up} sees mentions arrive
 * and an alert open within a minute of ready. Everything it creates is exercise data: marked, out of the real
 * analytics, deletable as a whole ({@code DELETE /api/plans/exercises/{id}}).
 *
 * <p>A demo exercise of this scenario that is still running (the platform was restarted) is reused, not doubled.
 */
public final class DemoExercise {

    /** The gentle scenario of the library, {@code plan-service/src/main/resources/scenarios/<id>.yaml}. */
    public static final String SCENARIO_ID = "demo-health-centre";
    /** Real time: the scenario is written so that its first alert is due within a minute at ×1. */
    public static final int SPEED = 1;
    public static final String REALM = "minsante";
    static final String ADMIN = "admin";
    static final String PASSWORD = "demo";

    private static final Set<String> LIVE = Set.of("RUNNING", "PAUSED");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An exercise of the demo scenario; {@code reused} when it was already running. */
    public record Started(String exerciseId, String status, boolean reused) {
    }

    /** The first alert of the exercise, as a line for the console. */
    public record FirstAlert(String rule, String title, String severity, int mentions) {
    }

    private final HttpClient http;
    private final KeycloakTokens tokens;
    private final String gatewayUrl;

    public DemoExercise(HttpClient http, String keycloakUrl, String gatewayUrl) {
        this.http = http;
        this.tokens = new KeycloakTokens(http, keycloakUrl);
        this.gatewayUrl = gatewayUrl;
    }

    /** Starts the demo exercise, or finds the one already running; throws {@link StackException} when refused. */
    public Started start() {
        String token = adminToken();
        Optional<Started> running = findRunning(token);
        if (running.isPresent()) {
            return running.get();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scenarioId", SCENARIO_ID);
        body.put("speed", SPEED);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/plans/exercises"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))), "starting the demo exercise");
        if (response.statusCode() != 201) {
            throw refused("POST /api/plans/exercises", response);
        }
        JsonNode exercise = read(response.body());
        String id = exercise.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new StackException("POST /api/plans/exercises answered 201 without an exercise id: " + response.body());
        }
        return new Started(id, exercise.path("status").asText("RUNNING"), false);
    }

    /**
     * Polls the exercise's alerts until the first one opens or {@code timeout} passes; empty on timeout. Meant for a
     * background thread: it gives up quietly on errors (the console line is a courtesy, not a check).
     */
    public Optional<FirstAlert> awaitFirstAlert(String exerciseId, Duration timeout, Duration every) {
        Instant deadline = Instant.now().plus(timeout);
        String token = null;
        Instant tokenTaken = Instant.MIN;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (token == null || Duration.between(tokenTaken, Instant.now()).toSeconds() > 120) {
                    token = tokens.passwordGrant(REALM, ADMIN, PASSWORD);
                    tokenTaken = Instant.now();
                }
                HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/watch/alerts?exerciseId="
                                + URLEncoder.encode(exerciseId, StandardCharsets.UTF_8) + "&size=1&sort=createdAt,asc"))
                        .header("Authorization", "Bearer " + token).GET(), "reading the demo's alerts");
                if (response.statusCode() == 200) {
                    JsonNode items = read(response.body()).path("items");
                    if (!items.isEmpty()) {
                        JsonNode alert = items.get(0);
                        return Optional.of(new FirstAlert(alert.path("ruleType").asText("?"), alert.path("title").asText(""),
                                alert.path("severity").asText("?"), alert.path("mentionCount").asInt(0)));
                    }
                }
            } catch (StackException e) {
                // not there yet (or a hiccup): try again until the deadline
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String adminToken() {
        return tokens.passwordGrant(REALM, ADMIN, PASSWORD);
    }

    private Optional<Started> findRunning(String token) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/plans/exercises?size=100"))
                .header("Authorization", "Bearer " + token).GET(), "listing the exercises");
        if (response.statusCode() != 200) {
            throw refused("GET /api/plans/exercises", response);
        }
        for (JsonNode exercise : read(response.body()).path("items")) {
            if (SCENARIO_ID.equals(exercise.path("scenarioId").asText())
                    && LIVE.contains(exercise.path("status").asText())) {
                return Optional.of(new Started(exercise.path("id").asText(), exercise.path("status").asText(), true));
            }
        }
        return Optional.empty();
    }

    private URI uri(String path) {
        return URI.create(gatewayUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("Could not reach the gateway at " + built.uri() + " while " + what + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while " + what, e);
        }
    }

    private static StackException refused(String call, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return new StackException(call + " answered " + response.statusCode()
                + (body.isBlank() ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body)));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new StackException("Unreadable answer from the exercises API: " + e.getMessage(), e);
        }
    }

    private static String write(Map<String, Object> json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
