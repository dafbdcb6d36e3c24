package cm.vigie.devstack.e2e.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import cm.vigie.devstack.KeycloakNode;
import cm.vigie.devstack.KeycloakTokens;
import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.Stack;
import cm.vigie.devstack.e2e.EndToEndStack;
import cm.vigie.devstack.e2e.security.Api;
import cm.vigie.devstack.e2e.security.Api.Reply;

/**
 * Issue 16 item 5 on the real stack: a real operator suspends mincom through the gateway, and the suspension
 * reaches what no request starts: mincom's open alert stream (through the gateway) ends, its calendar link answers
 * 403, its webhook deliveries stop (a receiver on 127.0.0.1 counts them) and the pending one arrives after
 * reactivation, internal calls for it are refused; and any stream ends at its token's expiry (the realm's access
 * token lifespan shortened through Keycloak's admin API), then resumes from Last-Event-ID. The time from the
 * suspension to each effect is measured with the services' own settings and written to
 * {@code target/suspension-everywhere.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuspensionEverywhereIT {

    private static final String INSTITUTION = "mincom";
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** watch-service's first webhook retry waits 2 s and doubles (WebhookSettings). */
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);

    private static EndToEndStack running;
    private static Stack stack;
    private static Api api;
    private static WebhookCounter receiver;
    private static final Map<String, String> measures = new LinkedHashMap<>();

    @BeforeAll
    static void bootTheStack() throws IOException {
        receiver = new WebhookCounter();
        // webhooks to 127.0.0.1 are refused in production; the local receiver needs them
        running = EndToEndStack.start("suspension", options -> options.toBuilder()
                .jvmOptions(ServiceModule.WATCH, "-Dvigie.watch.webhooks.allow-private-addresses=true").build());
        stack = running.stack();
        api = new Api(stack);
    }

    @AfterAll
    static void closeTheStack() throws IOException {
        if (receiver != null) {
            receiver.close();
        }
        if (running != null) {
            running.close();
        }
        StringBuilder report = new StringBuilder("# Suspension everywhere (issue 16 item 5), measured on the real stack\n\n")
                .append("| effect | measured |\n| --- | --- |\n");
        measures.forEach((effect, value) -> report.append("| ").append(effect).append(" | ").append(value).append(" |\n"));
        Files.writeString(EndToEndStack.target().resolve("suspension-everywhere.md"), report);
        System.out.println(report);
    }

    private static String gateway() {
        return stack.gatewayUrl();
    }

    @Test
    @Order(1)
    void aSuspensionReachesStreamsFeedsWebhooksAndInternalCallsAndReactivationResumesThem() throws Exception {
        String admin = api.token(INSTITUTION, "admin");
        String cm = api.token(INSTITUTION, "cm");
        String viewer = api.token(INSTITUTION, "viewer");
        String operator = api.token("platform", "operator");

        // a calendar link, a webhook whose receiver refuses at first (so a delivery is pending), an open stream
        Reply feed = api.call(gateway(), "POST", "/api/plans/calendar/feeds", viewer, "{}");
        assertEquals(201, feed.status(), feed.toString());
        String feedPath = URI.create(feed.json().path("url").asText()).getRawPath();
        assertEquals(200, api.call(gateway(), "GET", feedPath, null, null).status());
        receiver.status.set(503);
        Reply hook = api.call(gateway(), "POST", "/api/watch/webhooks", admin,
                "{\"url\":\"" + receiver.url() + "\",\"secret\":\"suspension-suite-secret-0001\",\"eventTypes\":[\"ALERT_CREATED\"]}");
        assertEquals(201, hook.status(), hook.toString());
        try (SseStream stream = new SseStream(gateway(), viewer, null)) {
            assertEquals(200, stream.status, "the stream opens through the gateway");
            raiseAlert(cm);
            SseStream.Event created = stream.next(Duration.ofSeconds(30));
            assertNotNull(created, "the alert reaches the stream");
            assertEquals("ALERT_CREATED", created.name());
            waitFor(Duration.ofSeconds(30), () -> !receiver.attempts.isEmpty());
            String deliveryId = receiver.attempts.get(0).deliveryId();

            // the operator suspends mincom
            String id = institutionId(operator);
            Reply suspended = api.call(gateway(), "POST", "/api/institutions/" + id + "/suspend", operator,
                    "{\"reason\":\"suspension suite: everything stops\"}");
            Instant t0 = Instant.now();
            assertEquals(200, suspended.status(), suspended.toString());

            CompletableFuture<Duration> feedRefused = CompletableFuture.supplyAsync(
                    () -> until(t0, () -> api.call(gateway(), "GET", feedPath, null, null).status() == 403));
            CompletableFuture<Duration> watchInternalRefused = CompletableFuture.supplyAsync(
                    () -> until(t0, () -> watchInternal().status() == 403));
            CompletableFuture<Duration> accountsInternalRefused = CompletableFuture.supplyAsync(
                    () -> until(t0, () -> accountsInternal().status() == 403));

            SseStream.Event last = stream.next(LIMIT.plusSeconds(5));
            assertNotNull(last, "the stream is told it ends");
            assertEquals("STREAM_CLOSED", last.name(), last.toString());
            assertTrue(last.data().contains("INSTITUTION_SUSPENDED"), last.data());
            Instant streamEnded = stream.ended.get(10, TimeUnit.SECONDS);
            Duration streamAfter = Duration.between(t0, streamEnded);
            measures.put("open SSE stream of mincom (through the gateway) closed", seconds(streamAfter));
            assertTrue(streamAfter.compareTo(LIMIT) < 0, streamAfter.toString());

            Duration feedAfter = feedRefused.get(70, TimeUnit.SECONDS);
            measures.put("calendar link of mincom answers 403", seconds(feedAfter));
            Reply refusedFeed = api.call(gateway(), "GET", feedPath, null, null);
            assertEquals(403, refusedFeed.status());
            assertTrue(refusedFeed.isProblem() && refusedFeed.body().contains("institution-suspended"), refusedFeed.toString());
            Duration watchInternal = watchInternalRefused.get(70, TimeUnit.SECONDS);
            Duration accountsInternal = accountsInternalRefused.get(70, TimeUnit.SECONDS);
            measures.put("internal call for mincom refused (watch-service /internal/watch/mentions/batch)", seconds(watchInternal));
            measures.put("internal call for mincom refused (accounts-service /internal/accounts/impersonation/score)", seconds(accountsInternal));
            assertTrue(watchInternal().isProblem());
            Reply directory = api.call(stack.accountsUrl(), "GET", "/internal/institutions", null, null);
            assertEquals(401, directory.status(), "the directory still needs the service key");
            assertEquals(200, api.send(stack.accountsUrl(), "GET", "/internal/institutions", null, null, null,
                    Map.of("X-Vigie-Service-Key", stack.serviceKey())).status(), "the directory itself still answers");

            // webhook deliveries: the stream's end proves watch-service knows; attempts made so far were before
            int attemptsBefore = receiver.attempts.size();
            Instant lastAttempt = receiver.attempts.get(attemptsBefore - 1).at();
            Duration lastAttemptAfterSuspension = Duration.between(t0, lastAttempt);
            Duration nextDue = FIRST_BACKOFF.multipliedBy(1L << Math.min(10, attemptsBefore - 1));
            Instant holdUntil = lastAttempt.plus(nextDue).plusSeconds(5);
            Instant watchKnew = streamEnded;
            receiver.status.set(200);
            long holdSeconds = Math.max(5, Duration.between(Instant.now(), holdUntil).toSeconds() + 1);
            Thread.sleep(holdSeconds * 1000);
            assertEquals(attemptsBefore, receiver.attempts.size(),
                    "no delivery attempt while mincom is suspended, though a retry was due " + nextDue + " after the last one");
            measures.put("webhook deliveries of mincom stop", "last attempt " + signed(lastAttemptAfterSuspension)
                    + " after the suspension (at most " + seconds(Duration.between(t0, watchKnew)) + ", when watch-service knew);"
                    + " none in the " + holdSeconds + " s held after, a retry being due " + nextDue.toSeconds() + " s after the last attempt");

            try (SseStream refused = new SseStream(gateway(), viewer, null)) {
                assertEquals(403, refused.status, "a new stream is refused");
            }

            // the operator reactivates mincom
            Reply reactivated = api.call(gateway(), "POST", "/api/institutions/" + id + "/reactivate", operator,
                    "{\"reason\":\"suspension suite: everything resumes\"}");
            Instant t1 = Instant.now();
            assertEquals(200, reactivated.status(), reactivated.toString());
            CompletableFuture<Duration> feedBack = CompletableFuture.supplyAsync(
                    () -> until(t1, () -> api.call(gateway(), "GET", feedPath, null, null).status() == 200));
            CompletableFuture<Duration> internalBack = CompletableFuture.supplyAsync(
                    () -> until(t1, () -> watchInternal().status() == 202));
            Duration deliveredAfter = until(t1, () -> receiver.attempts.size() > attemptsBefore);
            WebhookCounter.Attempt delivered = receiver.attempts.get(attemptsBefore);
            assertEquals(deliveryId, delivered.deliveryId(), "the pending delivery, not lost");
            assertEquals(200, delivered.answered());
            measures.put("after reactivation: the pending webhook delivery arrives", seconds(deliveredAfter));
            measures.put("after reactivation: calendar link answers 200", seconds(feedBack.get(70, TimeUnit.SECONDS)));
            measures.put("after reactivation: internal call accepted", seconds(internalBack.get(70, TimeUnit.SECONDS)));
            Duration streamBack = until(t1, () -> {
                try (SseStream again = new SseStream(gateway(), freshToken(INSTITUTION, "viewer"), created.id())) {
                    return again.status == 200;
                } catch (Exception | AssertionError e) {
                    return false;
                }
            });
            measures.put("after reactivation: a stream opens again", seconds(streamBack));
        }
    }

    @Test
    @Order(2)
    void aStreamEndsAtItsTokensExpiryAndResumesFromLastEventIdWithoutLoss() throws Exception {
        String master = masterToken();
        Reply realm = api.call(stack.keycloakUrl(), "GET", "/admin/realms/" + INSTITUTION, master, null);
        assertEquals(200, realm.status(), realm.toString());
        int lifespan = realm.json().path("accessTokenLifespan").asInt(300);
        Reply shortened = api.call(stack.keycloakUrl(), "PUT", "/admin/realms/" + INSTITUTION, master, "{\"accessTokenLifespan\":30}");
        assertEquals(204, shortened.status(), shortened.toString());
        try {
            String shortLived = freshToken(INSTITUTION, "viewer");
            long exp = KeycloakTokens.claims(shortLived).path("exp").asLong();
            long iat = KeycloakTokens.claims(shortLived).path("iat").asLong();
            assertEquals(30, exp - iat, "the realm's lifespan applies");
            String cm = freshToken(INSTITUTION, "cm");
            String lastId;
            try (SseStream stream = new SseStream(gateway(), shortLived, null)) {
                assertEquals(200, stream.status);
                raiseAlert(cm);
                SseStream.Event created = stream.next(Duration.ofSeconds(25));
                assertNotNull(created);
                lastId = created.id();
                SseStream.Event last = stream.next(Duration.ofSeconds(60));
                assertNotNull(last, "the stream is told it ends");
                assertEquals("STREAM_CLOSED", last.name());
                assertTrue(last.data().contains("TOKEN_EXPIRED"), last.data());
                Instant ended = stream.ended.get(10, TimeUnit.SECONDS);
                Duration afterExpiry = Duration.between(Instant.ofEpochSecond(exp), ended);
                measures.put("stream opened with a 30 s token ends (time after the token's exp)", signed(afterExpiry));
                assertTrue(afterExpiry.compareTo(Duration.ofSeconds(-1)) >= 0 && afterExpiry.compareTo(Duration.ofSeconds(15)) < 0,
                        afterExpiry.toString());
            }
            raiseAlert(freshToken(INSTITUTION, "cm"));
            try (SseStream resumed = new SseStream(gateway(), freshToken(INSTITUTION, "viewer"), lastId)) {
                assertEquals(200, resumed.status);
                SseStream.Event missed = resumed.next(Duration.ofSeconds(30));
                assertNotNull(missed, "the alert raised while disconnected is replayed");
                assertEquals("ALERT_CREATED", missed.name());
                assertTrue(Long.parseLong(missed.id()) > Long.parseLong(lastId));
                measures.put("reconnect with a fresh token and Last-Event-ID", "the alert raised while disconnected is replayed first");
            }
        } finally {
            api.call(stack.keycloakUrl(), "PUT", "/admin/realms/" + INSTITUTION, masterToken(),
                    "{\"accessTokenLifespan\":" + lifespan + "}");
        }
    }

    /** A watchlist on a word of its own and a mention with that word: one KEYWORD alert. Answers the word. */
    private static String raiseAlert(String cm) {
        String word = "suspend" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        Reply watchlist = api.call(gateway(), "POST", "/api/watch/watchlists", cm,
                "{\"name\":\"suspension " + word + "\",\"query\":\"" + word + "\",\"severity\":\"HIGH\"}");
        assertEquals(201, watchlist.status(), watchlist.toString());
        Reply ingest = api.call(gateway(), "POST", "/api/watch/mentions/batch", cm, mention(word));
        assertEquals(202, ingest.status(), ingest.toString());
        return word;
    }

    private static String mention(String word) {
        return """
                {"mentions":[{"platform":"FACEBOOK","externalId":"%s","author":{"handle":"a_%s","displayName":"A %s","followers":10},\
                "text":"Alerte %s : rumeur","publishedAt":"%s"}]}""".formatted(word, word, word, word, Instant.now().minusSeconds(30));
    }

    private static Reply watchInternal() {
        return api.send(stack.serviceUrl(ServiceModule.WATCH), "POST", "/internal/watch/mentions/batch", null,
                HttpRequest.BodyPublishers.ofString(mention("internal" + System.nanoTime())), "application/json",
                Map.of("X-Vigie-Service-Key", stack.serviceKey(), "X-Vigie-Institution", INSTITUTION));
    }

    private static Reply accountsInternal() {
        return api.send(stack.accountsUrl(), "POST", "/internal/accounts/impersonation/score", null,
                HttpRequest.BodyPublishers.ofString("{\"candidates\":[{\"platform\":\"X\",\"handle\":\"mincom_fake\",\"displayName\":\"MINCOM\"}]}"),
                "application/json", Map.of("X-Vigie-Service-Key", stack.serviceKey(), "X-Vigie-Institution", INSTITUTION));
    }

    private static String institutionId(String operator) {
        for (JsonNode item : api.call(gateway(), "GET", "/api/institutions?size=100", operator, null).json().path("items")) {
            if (INSTITUTION.equals(item.path("slug").asText())) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError(INSTITUTION + " not listed");
    }

    private static String freshToken(String realm, String user) {
        return stack.tokens().passwordGrant(realm, user, "demo");
    }

    private static String masterToken() {
        String form = "client_id=admin-cli&grant_type=password&username="
                + URLEncoder.encode(KeycloakNode.ADMIN_USERNAME, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(KeycloakNode.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        Reply reply = api.send(stack.keycloakUrl(), "POST", "/realms/master/protocol/openid-connect/token", null,
                HttpRequest.BodyPublishers.ofString(form), "application/x-www-form-urlencoded", Map.of());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().path("access_token").asText();
    }

    /** Polls every 250 ms until the condition holds, at most 60 s after {@code from}; answers the time since {@code from}. */
    private static Duration until(Instant from, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            if (Duration.between(from, Instant.now()).compareTo(LIMIT) > 0) {
                throw new AssertionError("not within " + LIMIT + " of " + from);
            }
            sleep(250);
        }
        return Duration.between(from, Instant.now());
    }

    private static void waitFor(Duration limit, BooleanSupplier condition) {
        until(Instant.now().minus(LIMIT).plus(limit), condition);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String signed(Duration duration) {
        return (duration.isNegative() ? "-" : "+") + seconds(duration.abs());
    }

    /** A webhook target on 127.0.0.1 that records every attempt and answers the status a test sets. */
    static final class WebhookCounter implements AutoCloseable {

        record Attempt(Instant at, String deliveryId, int answered) {
        }

        final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        final AtomicInteger status = new AtomicInteger(200);
        private final HttpServer server;

        WebhookCounter() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                int answer = status.get();
                attempts.add(new Attempt(Instant.now(), exchange.getRequestHeaders().getFirst("X-Vigie-Delivery"), answer));
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A Server-Sent Events client: parses events into a queue and notes when the server ends the stream. */
    static final class SseStream implements AutoCloseable {

        record Event(String id, String name, String data) {
        }

        final int status;
        final CompletableFuture<Instant> ended = new CompletableFuture<>();
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final HttpResponse<Stream<String>> response;

        SseStream(String gateway, String token, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/api/watch/alerts/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).version(HttpClient.Version.HTTP_1_1).build()
                    .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
            status = response.statusCode();
            Thread reader = new Thread(() -> {
                Map<String, String> fields = new LinkedHashMap<>();
                try {
                    response.body().forEach(line -> {
                        if (line.isEmpty()) {
                            if (fields.containsKey("data")) {
                                events.add(new Event(fields.get("id"), fields.get("event"), fields.get("data")));
                            }
                            fields.clear();
                        } else if (!line.startsWith(":")) {
                            int colon = line.indexOf(':');
                            String field = colon < 0 ? line : line.substring(0, colon);
                            String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                            fields.merge(field, value, (a, b) -> a + "\n" + b);
                        }
                    });
                } catch (RuntimeException closed) {
                    // closed by the test
                }
                ended.complete(Instant.now());
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        Event next(Duration timeout) throws InterruptedException {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
