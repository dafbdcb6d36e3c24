package cm.vigie.devstack.e2e.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.devstack.Stack;
import cm.vigie.devstack.e2e.EndToEndStack;

/**
 * Institution quotas on the real stack, through the gateway (docs/adr/0027-institution-quotas.md): an operator of
 * realm {@code platform} lowers mincom's watchlist quota, mincom's community manager is refused with 422 naming it
 * while minsante is not, the operator raises it and creation works again; one alert stream more than the per-user
 * quota answers 429 naming it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuotasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The other services read quotas from the directory, refreshed every 15 s: allow that plus one load. */
    private static final Duration DIRECTORY_REFRESH = Duration.ofSeconds(60);

    private static EndToEndStack running;
    private static Stack stack;
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static String mincomId;

    @BeforeAll
    static void bootTheStack() {
        running = EndToEndStack.start("quotas");
        stack = running.stack();
    }

    @AfterAll
    static void closeTheStack() {
        if (running != null) {
            running.close();
        }
    }

    private static String token(String realm, String user) {
        return stack.tokens().passwordGrant(realm, user, "demo");
    }

    private static HttpResponse<String> call(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static HttpResponse<String> createWatchlist(String token) {
        return call("POST", "/api/watch/watchlists", token,
                "{\"name\":\"quota e2e " + UUID.randomUUID() + "\",\"query\":\"coupure AND internet\",\"severity\":\"LOW\"}",
                "Accept-Language", "fr");
    }

    private static long watchlists(String token) {
        HttpResponse<String> page = call("GET", "/api/watch/watchlists?size=1", token, null);
        assertEquals(200, page.statusCode(), page.body());
        return json(page).path("total").asLong();
    }

    private static HttpResponse<String> setQuotas(String operator, String body) {
        HttpResponse<String> read = call("GET", "/api/institutions/" + mincomId + "/quotas", operator, null);
        assertEquals(200, read.statusCode(), read.body());
        String etag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> set = call("PUT", "/api/institutions/" + mincomId + "/quotas", operator, body, "If-Match", etag);
        assertEquals(200, set.statusCode(), set.body());
        return set;
    }

    /**
     * A stale directory answers at once and reloads behind: after its maximum age (15 s) one request starts the
     * reload, and a moment later the new quotas apply.
     */
    private static void awaitDirectoryRefresh(String token) {
        sleep(16_000);
        watchlists(token);
        sleep(3_000);
    }

    /** Repeats a creation until it answers other than {@code whileStatus}, for as long as the directory may take. */
    private static HttpResponse<String> untilNot(int whileStatus, java.util.function.Supplier<HttpResponse<String>> attempt) {
        Instant deadline = Instant.now().plus(DIRECTORY_REFRESH);
        HttpResponse<String> answer = attempt.get();
        while (answer.statusCode() == whileStatus && Instant.now().isBefore(deadline)) {
            sleep(1000);
            answer = attempt.get();
        }
        return answer;
    }

    @Test
    @Order(1)
    void anOperatorLowersMincomsWatchlistQuotaMincomIsRefusedMinsanteIsNotAndRaisingItRestoresCreation() {
        String operator = token("platform", "operator");
        String mincomCm = token("mincom", "cm");
        String minsanteCm = token("minsante", "cm");
        HttpResponse<String> list = call("GET", "/api/institutions?size=100", operator, null);
        assertEquals(200, list.statusCode(), list.body());
        for (JsonNode institution : json(list).path("items")) {
            if (institution.path("slug").asText().equals("mincom")) {
                mincomId = institution.path("id").asText();
            }
        }
        assertTrue(mincomId != null, "mincom is registered");

        // the defaults first: far above what the demo holds
        JsonNode defaults = json(call("GET", "/api/institutions/" + mincomId + "/quotas", operator, null));
        assertEquals(200, defaults.path("limits").path("watchlists").asInt(), defaults.toString());
        assertEquals(5, defaults.path("limits").path("alertStreamsPerUser").asInt(), defaults.toString());

        // an institution user may neither read nor change quotas
        assertEquals(403, call("GET", "/api/institutions/" + mincomId + "/quotas", mincomCm, null).statusCode());

        long held = watchlists(mincomCm);
        int limit = (int) held + 1;
        JsonNode lowered = json(setQuotas(operator, "{\"watchlists\":" + limit + "}"));
        assertEquals(limit, lowered.path("limits").path("watchlists").asInt());

        // once watch-service has refreshed its directory: one more is still room, the next is refused
        awaitDirectoryRefresh(mincomCm);
        assertEquals(201, createWatchlist(mincomCm).statusCode());
        HttpResponse<String> refused = createWatchlist(mincomCm);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = json(refused);
        assertEquals("watchlists", problem.path("quota").asText(), problem.toString());
        assertEquals(limit, problem.path("limit").asInt(), problem.toString());
        assertTrue(problem.path("type").asText().endsWith("/quota-exceeded"), problem.toString());
        assertTrue(problem.path("detail").asText().contains("« watchlists »"), problem.toString());
        long atLimit = watchlists(mincomCm);
        assertEquals(limit, atLimit, "the refused creation created nothing: " + problem);
        System.out.printf("[quotas] mincom refused at %d watchlists: %s%n", atLimit, refused.body());

        // minsante, on the defaults, is not touched
        HttpResponse<String> other = createWatchlist(minsanteCm);
        assertEquals(201, other.statusCode(), other.body());

        // raised again: creation works within the directory's refresh
        setQuotas(operator, "{\"watchlists\":" + (atLimit + 10) + "}");
        HttpResponse<String> again = untilNot(422, () -> createWatchlist(mincomCm));
        assertEquals(201, again.statusCode(), again.body());

        HttpResponse<String> history = call("GET", "/api/institutions/" + mincomId + "/history?size=100", operator, null);
        long changes = Stream.of(json(history).path("items")).flatMap(items -> {
            List<JsonNode> all = new ArrayList<>();
            items.forEach(all::add);
            return all.stream();
        }).filter(entry -> entry.path("action").asText().equals("INSTITUTION_QUOTAS_CHANGED")).count();
        assertEquals(2, changes, history.body());

        setQuotas(operator, "{}");
    }

    @Test
    @Order(2)
    void oneAlertStreamMoreThanThePerUserQuotaAnswers429NamingIt() throws Exception {
        String viewer = token("mincom", "viewer");
        List<CompletableFuture<HttpResponse<Stream<String>>>> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/watch/alerts/stream"))
                        .header("Authorization", "Bearer " + viewer).header("Accept", "text/event-stream").build();
                CompletableFuture<HttpResponse<Stream<String>>> stream = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
                open.add(stream);
                assertEquals(200, stream.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode(), "stream " + (i + 1));
            }
            HttpResponse<String> sixth = call("GET", "/api/watch/alerts/stream", viewer, null, "Accept", "text/event-stream");
            assertEquals(429, sixth.statusCode(), sixth.body());
            JsonNode problem = json(sixth);
            assertEquals("alertStreamsPerUser", problem.path("quota").asText(), problem.toString());
            assertEquals(5, problem.path("limit").asInt(), problem.toString());
            assertTrue(problem.path("type").asText().endsWith("/concurrency-quota-exceeded"), problem.toString());
            System.out.printf("[quotas] sixth stream of mincom/viewer: %d %s%n", sixth.statusCode(), sixth.body());

            // another user of the same institution still gets a stream
            HttpRequest analyst = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/watch/alerts/stream"))
                    .header("Authorization", "Bearer " + token("mincom", "analyst")).header("Accept", "text/event-stream").build();
            CompletableFuture<HttpResponse<Stream<String>>> analystStream = HTTP.sendAsync(analyst, HttpResponse.BodyHandlers.ofLines());
            open.add(analystStream);
            assertEquals(200, analystStream.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode());
        } finally {
            for (CompletableFuture<HttpResponse<Stream<String>>> stream : open) {
                stream.thenAccept(response -> response.body().close());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
