package cm.vigie.devstack.e2e.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.Stack;
import cm.vigie.devstack.e2e.EndToEndStack;

/**
 * Issue 16, items 7 to 9, on the real stack (Keycloak, embedded PostgreSQL, the services and the gateway): slow
 * clients are cut at the edge, one institution's flood of streams and slow clients leaves another's list calls fast,
 * a stalling webhook target is cut at its deadline while another is served, a decompression-bomb photo is refused
 * before decoding, and exercise alerts never reach a real webhook. Figures go to {@code target/edge-and-outbound.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeAndOutboundIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SANTE = "minsante";
    private static final String COM = "mincom";
    private static final int HEADER_TIMEOUT_S = 3;
    private static final int BODY_TIMEOUT_S = 3;
    private static final int STREAMS_PER_INSTITUTION = 20;
    private static final int WEBHOOK_DEADLINE_MS = 3000;

    private static EndToEndStack running;
    private static Stack stack;
    private static int gatewayPort;
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> report = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void bootTheStack() {
        running = EndToEndStack.start("edge-and-outbound", options -> options.toBuilder()
                .jvmOptions(ServiceModule.GATEWAY,
                        "-Dvigie.gateway.edge.header-timeout=" + HEADER_TIMEOUT_S + "s",
                        "-Dvigie.gateway.edge.body-timeout=" + BODY_TIMEOUT_S + "s",
                        "-Dvigie.gateway.edge.max-streams-per-institution=" + STREAMS_PER_INSTITUTION,
                        "-Dvigie.gateway.edge.max-connections-per-address=400")
                // the flood below is one user's: the per-user stream quota (QuotasIT) is raised so that the gateway's
                // per-institution cap is what stops it
                .jvmOptions(ServiceModule.ACCOUNTS, "-Dvigie.quotas.defaults.alert-streams-per-user=" + 2 * STREAMS_PER_INSTITUTION)
                .jvmOptions(ServiceModule.WATCH,
                        "-Dvigie.quotas.defaults.alert-streams-per-user=" + 2 * STREAMS_PER_INSTITUTION,
                        "-Dvigie.watch.webhooks.allow-private-addresses=true",
                        "-Dvigie.watch.webhooks.timeout=PT" + WEBHOOK_DEADLINE_MS / 1000 + "S")
                .build());
        stack = running.stack();
        gatewayPort = URI.create(stack.gatewayUrl()).getPort();
        report.add("# Edge limits and outbound deadlines (issue 16, items 7-9)\n");
        report.add("Real stack, gateway header and body timeouts " + HEADER_TIMEOUT_S + " s / " + BODY_TIMEOUT_S
                + " s, " + STREAMS_PER_INSTITUTION + " streams per institution, webhook deadline " + WEBHOOK_DEADLINE_MS
                + " ms. Run " + java.time.Instant.now() + ".\n");
    }

    @AfterAll
    static void closeTheStack() throws IOException {
        try {
            Path file = EndToEndStack.target().resolve("edge-and-outbound.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", report) + "\n");
            System.out.println(String.join("\n", report));
        } finally {
            if (running != null) {
                running.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private static String token(String realm, String user) {
        return stack.tokens().passwordGrant(realm, user, "demo");
    }

    private record Reply(int status, String body, long nanos) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private static Reply call(String method, String path, String token, String contentType, byte[] body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Reply json(String method, String path, String token, String json) {
        return call(method, path, token, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), gatewayPort);
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** What the gateway sends until it closes the connection; "<open>" appended when it did not close. */
    private static String readUntilClosed(Socket socket) {
        StringBuilder out = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            out.append("<open>");
        } catch (IOException reset) {
            // closed by the gateway
        }
        return out.toString();
    }

    /** A client that sends a request line and then one header line every 500 ms, forever. */
    private static Future<String[]> slowHeaders(ExecutorService pool, String language) {
        return pool.submit(() -> {
            try (Socket socket = connect()) {
                long start = System.nanoTime();
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/watch/alerts HTTP/1.1\r\nHost: vigie\r\nAccept-Language: " + language + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; i < 200; i++) {
                            Thread.sleep(500);
                            out.write(("X-Trickle-" + i + ": x\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (IOException | InterruptedException cut) {
                        // the gateway closed the connection
                    }
                });
                String answer = readUntilClosed(socket);
                return new String[] { answer, Long.toString((System.nanoTime() - start) / 1_000_000) };
            }
        });
    }

    /** A client that sends complete headers and a body announced at 100 kB, one byte every 500 ms. */
    private static Future<String[]> slowBody(ExecutorService pool, String token) {
        return pool.submit(() -> {
            try (Socket socket = connect()) {
                long start = System.nanoTime();
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/watch/mentions/batch HTTP/1.1\r\nHost: vigie\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; i < 200; i++) {
                            Thread.sleep(500);
                            out.write(' ');
                            out.flush();
                        }
                    } catch (IOException | InterruptedException cut) {
                        // the gateway closed the connection
                    }
                });
                String answer = readUntilClosed(socket);
                return new String[] { answer, Long.toString((System.nanoTime() - start) / 1_000_000) };
            }
        });
    }

    /** Opens an SSE stream; answers the socket (left open) and its status line. */
    private static Object[] openStream(String token) throws IOException {
        Socket socket = connect();
        socket.getOutputStream().write(("GET /api/watch/alerts/stream HTTP/1.1\r\nHost: vigie\r\nAccept: text/event-stream\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        return new Object[] { socket, line.toString().strip() };
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", sorted.size(),
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    private static double p99(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return at(sorted, 0.99);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // item 7: the edge

    @Test
    @Order(1)
    void aSlowHeadersClientAndASlowBodyClientAreCutOff() throws Exception {
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            String cm = token(COM, "cm");
            // the first token of a realm costs the gateway a key fetch: not part of the body's deadline
            assertEquals(200, json("GET", "/api/watch/alerts?size=1", cm, null).status());
            String[] headers = slowHeaders(pool, "fr").get(60, TimeUnit.SECONDS);
            String[] body = slowBody(pool, cm).get(60, TimeUnit.SECONDS);
            assertTrue(headers[0].startsWith("HTTP/1.1 408"), headers[0]);
            assertTrue(headers[0].contains("application/problem+json") && headers[0].contains("connexion est ferm"), headers[0]);
            assertTrue(!headers[0].endsWith("<open>"), "the slow-headers connection is closed");
            assertTrue(body[0].startsWith("HTTP/1.1 408"), body[0]);
            assertTrue(body[0].contains("request-timeout"), body[0]);
            assertTrue(!body[0].endsWith("<open>"), "the slow-body connection is closed");
            long headersMs = Long.parseLong(headers[1]);
            long bodyMs = Long.parseLong(body[1]);
            assertTrue(headersMs >= HEADER_TIMEOUT_S * 900L && headersMs < (HEADER_TIMEOUT_S + 5) * 1000L,
                    "slow headers cut after " + headersMs + " ms");
            assertTrue(bodyMs >= BODY_TIMEOUT_S * 900L && bodyMs < (BODY_TIMEOUT_S + 5) * 1000L,
                    "slow body cut after " + bodyMs + " ms");
            report.add("## Slow clients\n");
            report.add("- slow headers (one header line every 500 ms): 408 problem+json (fr) and closed after " + headersMs + " ms");
            report.add("- slow body (1 byte every 500 ms of 100 kB): 408 problem+json and closed after " + bodyMs + " ms\n");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void aFloodOfStreamsAndSlowClientsFromOneInstitutionLeavesAnothersListCallsFast() throws Exception {
        String santeViewer = token(SANTE, "viewer");
        String comViewer = token(COM, "viewer");
        String comCm = token(COM, "cm");
        // warm-up and quiet baseline
        List<Long> quiet = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Reply reply = json("GET", "/api/watch/alerts?size=20", santeViewer, null);
            assertEquals(200, reply.status(), reply.body());
            if (i >= 10) {
                quiet.add(reply.nanos());
            }
        }

        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Socket> streams = new CopyOnWriteArrayList<>();
        AtomicInteger streamsOpen = new AtomicInteger();
        AtomicInteger streamsRefused = new AtomicInteger();
        List<String> otherStreamAnswers = new CopyOnWriteArrayList<>();
        List<Future<String[]>> slow = new ArrayList<>();
        List<Long> loaded = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger serverErrors = new AtomicInteger();
        List<String> errorSamples = new CopyOnWriteArrayList<>();
        try {
            // mincom: 40 stream attempts (twice its cap), 20 slow-headers and 20 slow-body clients
            // opened at once: the watch-service sends a stream's headers with its first heartbeat (every 15 s)
            List<Future<Object[]>> attempts = new ArrayList<>();
            for (int i = 0; i < 2 * STREAMS_PER_INSTITUTION; i++) {
                attempts.add(pool.submit(() -> openStream(comViewer)));
            }
            for (Future<Object[]> attempt : attempts) {
                Object[] opened = attempt.get(2, TimeUnit.MINUTES);
                streams.add((Socket) opened[0]);
                String status = (String) opened[1];
                if (status.startsWith("HTTP/1.1 200")) {
                    streamsOpen.incrementAndGet();
                } else if (status.startsWith("HTTP/1.1 429")) {
                    streamsRefused.incrementAndGet();
                } else {
                    otherStreamAnswers.add(status);
                }
            }
            for (int i = 0; i < 20; i++) {
                slow.add(slowHeaders(pool, "en"));
                slow.add(slowBody(pool, comCm));
            }
            // minsante: list calls from 4 workers while all of that is held open
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < 75; i++) {
                        Thread.sleep(100); // 4 workers: under minsante's rate limit of 50 requests/s
                        Reply reply = json("GET", "/api/watch/alerts?size=20", santeViewer, null);
                        loaded.add(reply.nanos());
                        if (reply.status() >= 500 || reply.status() != 200) {
                            if (reply.status() >= 500) {
                                serverErrors.incrementAndGet();
                            }
                            errorSamples.add(reply.status() + " " + reply.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
            // a minsante stream still opens beside mincom's full set
            Object[] santeStream = openStream(santeViewer);
            ((Socket) santeStream[0]).close();
            int slowCut = 0;
            for (Future<String[]> client : slow) {
                String[] answer = client.get(60, TimeUnit.SECONDS);
                if (answer[0].startsWith("HTTP/1.1 408") && !answer[0].endsWith("<open>")) {
                    slowCut++;
                }
            }
            String quietFigures = percentiles(quiet);
            String loadedFigures = percentiles(loaded);
            report.add("## One institution's flood, another's list calls\n");
            report.add("- mincom: " + 2 * STREAMS_PER_INSTITUTION + " stream attempts: " + streamsOpen + " open, "
                    + streamsRefused + " refused 429; 20 slow-headers + 20 slow-body clients: " + slowCut
                    + " of 40 cut with 408 and closed");
            report.add("- minsante GET /api/watch/alerts, quiet: " + quietFigures);
            report.add("- minsante GET /api/watch/alerts, during the flood (4 workers): " + loadedFigures + ", 5xx: "
                    + serverErrors.get() + (errorSamples.isEmpty() ? "" : ", non-200: " + errorSamples.size()));
            report.add("- a minsante stream beside mincom's full set: " + santeStream[1] + "\n");
            System.out.println("flood: quiet " + quietFigures + " / loaded " + loadedFigures);

            assertEquals(List.of(), otherStreamAnswers, "every stream attempt is either open or refused 429");
            assertEquals(STREAMS_PER_INSTITUTION, streamsOpen.get(), "mincom holds exactly its streams");
            assertEquals(STREAMS_PER_INSTITUTION, streamsRefused.get());
            assertEquals("HTTP/1.1 200 OK", santeStream[1], "minsante still opens a stream");
            assertEquals(40, slowCut, "every slow client is cut");
            assertEquals(0, serverErrors.get(), "no 5xx for minsante: " + errorSamples);
            assertEquals(List.of(), errorSamples, "every minsante list call answers 200");
            assertTrue(p99(loaded) < 500, "minsante p99 under 500 ms during the flood: " + loadedFigures);
        } finally {
            for (Socket socket : streams) {
                socket.close();
            }
            pool.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void oneClientAddressCannotHoldMoreConnectionsThanItsCap() throws Exception {
        // the cap is 400 for this run (every client of the suite is 127.0.0.1); 440 connections opened at once: those
        // over the cap are answered 429 and closed at once, the others 408 at the header deadline
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 440; i++) {
                answers.add(pool.submit(() -> {
                    try (Socket socket = connect()) {
                        return readUntilClosed(socket);
                    }
                }));
            }
            int tooMany = 0;
            int timedOut = 0;
            String sample = null;
            for (Future<String> answer : answers) {
                String text = answer.get(60, TimeUnit.SECONDS);
                if (text.startsWith("HTTP/1.1 429")) {
                    tooMany++;
                    sample = text;
                } else if (text.startsWith("HTTP/1.1 408")) {
                    timedOut++;
                }
            }
            report.add("## Connections per client address\n");
            report.add("- 440 connections opened at once from 127.0.0.1 (cap 400): " + tooMany + " answered 429 and closed"
                    + " at once, " + timedOut + " answered 408 at the header deadline\n");
            assertTrue(tooMany >= 1, "connections over the cap are refused");
            assertTrue(sample.contains("open connections"), sample);
            assertTrue(timedOut >= 1, "idle connections under the cap are cut at the header deadline");
        } finally {
            pool.shutdownNow();
        }
        Thread.sleep(500);
        assertEquals(200, json("GET", "/api/watch/alerts?size=1", token(SANTE, "viewer"), null).status());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // item 8: outbound deadlines, image bombs

    /** A webhook target that records what it gets. */
    private static final class Receiver implements AutoCloseable {
        final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                arrivals.add(System.nanoTime());
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
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

    /** A webhook target that answers its headers at once, then never sends the body it announced. */
    private static final class Stalling implements AutoCloseable {
        final AtomicInteger accepted = new AtomicInteger();
        final BlockingQueue<Long> cutAt = new LinkedBlockingQueue<>();
        private final ServerSocket server;

        Stalling() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        accepted.incrementAndGet();
                        Thread.ofVirtual().start(() -> stall(socket));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private void stall(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                int matched = 0;
                int b;
                byte[] end = { '\r', '\n', '\r', '\n' };
                while (matched < 4 && (b = in.read()) >= 0) {
                    matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (in.read() >= 0) {
                    // drain the request body, then wait for the caller to give up
                }
            } catch (IOException gone) {
                // cut by the caller
            }
            cutAt.add(System.nanoTime());
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/stuck";
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static String webhook(String admin, String url, boolean exercise) {
        Reply created = json("POST", "/api/watch/webhooks", admin, "{\"url\":\"" + url + "\",\"secret\":\"s3cret-"
                + UUID.randomUUID() + "\",\"eventTypes\":[\"ALERT_CREATED\"],\"exercise\":" + exercise + "}");
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asText();
    }

    private static String word() {
        return "bordure" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void watchlist(String cm, String word) {
        Reply created = json("POST", "/api/watch/watchlists", cm,
                "{\"name\":\"Bordure " + word + "\",\"query\":\"" + word + "\",\"severity\":\"HIGH\"}");
        assertEquals(201, created.status(), created.body());
    }

    private static String mention(String text) {
        return """
                {"platform":"FACEBOOK","externalId":"%s","url":"https://www.facebook.com/posts/%s","author":{"handle":"a_%s","displayName":"Auteur","followers":120},\
                "text":"%s","publishedAt":"%s","metrics":{"likes":3,"shares":1,"comments":0,"views":50}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID().toString().substring(0, 8), text,
                        java.time.Instant.now().minusSeconds(30));
    }

    @Test
    @Order(4)
    void aStallingWebhookTargetIsCutAtItsDeadlineWhileAnotherIsServedPromptly() throws Exception {
        String admin = token(SANTE, "admin");
        String cm = token(SANTE, "cm");
        try (Stalling stalling = new Stalling(); Receiver healthy = new Receiver()) {
            String stuck = webhook(admin, stalling.url(), false);
            String served = webhook(admin, healthy.url(), false);
            try {
                String word = word();
                watchlist(cm, word);
                long sent = System.nanoTime();
                Reply ingested = json("POST", "/api/watch/mentions/batch", cm, "{\"mentions\":[" + mention("Rumeur " + word) + "]}");
                assertEquals(202, ingested.status(), ingested.body());
                String delivered = healthy.bodies.poll(20, TimeUnit.SECONDS);
                assertNotNull(delivered, "the healthy target receives the alert");
                long healthyMs = (healthy.arrivals.poll(5, TimeUnit.SECONDS) - sent) / 1_000_000;
                Long cut = stalling.cutAt.poll(20, TimeUnit.SECONDS);
                assertNotNull(cut, "the stalling target's connection is cut");
                long cutMs = (cut - sent) / 1_000_000;
                String lastError = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (lastError == null && System.nanoTime() < deadline) {
                    Reply deliveries = json("GET", "/api/watch/webhooks/" + stuck + "/deliveries", admin, null);
                    JsonNode last = deliveries.json().path("items").path(0).path("lastError");
                    lastError = last.isTextual() ? last.asText() : null;
                    Thread.sleep(200);
                }
                assertEquals("no complete answer within " + WEBHOOK_DEADLINE_MS + " ms", lastError);
                assertTrue(healthyMs < cutMs, "the healthy target is served before the stuck one is cut");
                assertTrue(healthyMs < 5000, "promptly: " + healthyMs + " ms");
                report.add("## Webhooks: a stalling target\n");
                report.add("- healthy target received the alert " + healthyMs + " ms after ingestion; the stalling target "
                        + "(headers sent, body never) was cut " + cutMs + " ms after ingestion; delivery log: \""
                        + lastError + "\"\n");
            } finally {
                json("DELETE", "/api/watch/webhooks/" + stuck, admin, null);
                json("DELETE", "/api/watch/webhooks/" + served, admin, null);
            }
        }
    }

    /** A valid RGBA PNG of zeros: a few hundred kilobytes that decode to width x height x 4 bytes. */
    static byte[] pngBomb(int width, int height) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] row = new byte[1 + width * 4];
        try (OutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] { 8, 6, 0, 0, 0 });
        chunk(png, "IHDR", ihdr.toByteArray());
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    @Order(5)
    void aDecompressionBombPhotoIsRefusedAndTheServiceAnswersTheNextRequest() throws Exception {
        String cm = token(SANTE, "cm");
        Reply person = json("POST", "/api/accounts/persons", cm, "{\"fullName\":\"Bombe " + UUID.randomUUID() + "\"}");
        assertEquals(201, person.status(), person.body());
        String id = person.json().path("id").asText();
        byte[] bomb = pngBomb(10_000, 7_500);
        Reply refused = call("POST", "/api/accounts/persons/" + id + "/photos", cm, "image/png", bomb, "Accept-Language", "fr");
        assertTrue(refused.status() == 413 || refused.status() == 422, refused.status() + " " + refused.body());
        assertTrue(refused.body().contains("10000 x 7500"), refused.body());
        Reply next = json("GET", "/api/accounts/persons/" + id, cm, null);
        assertEquals(200, next.status(), next.body());
        report.add("## Decompression bomb\n");
        report.add(String.format(Locale.ROOT, "- PNG of %,d bytes declaring 10000 x 7500 RGBA (300 MB decoded): %d in %.0f ms"
                + " (%s); the next request answered %d in %.0f ms\n", bomb.length, refused.status(), refused.nanos() / 1e6,
                refused.json().path("detail").asText(), next.status(), next.nanos() / 1e6));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // item 9: exercise data

    @Test
    @Order(6)
    void anExerciseAlertNeverReachesARealWebhook() throws Exception {
        String admin = token(SANTE, "admin");
        String cm = token(SANTE, "cm");
        try (Receiver real = new Receiver(); Receiver drill = new Receiver()) {
            String realHook = webhook(admin, real.url(), false);
            String drillHook = webhook(admin, drill.url(), true);
            try {
                String word = word();
                watchlist(cm, word);
                UUID exercise = UUID.randomUUID();
                Reply ingested = json("POST", "/api/watch/mentions/batch", cm, "{\"exerciseId\":\"" + exercise
                        + "\",\"mentions\":[" + mention("Exercice " + word) + "]}");
                assertEquals(202, ingested.status(), ingested.body());
                String toDrill = drill.bodies.poll(20, TimeUnit.SECONDS);
                assertNotNull(toDrill, "the exercise destination receives the exercise alert");
                JsonNode posted = JSON.readTree(toDrill);
                assertTrue(posted.path("exercise").asBoolean(), toDrill);
                assertTrue(posted.path("alert").path("exercise").asBoolean(), toDrill);
                assertEquals(exercise.toString(), posted.path("alert").path("exerciseId").asText());
                assertNull(real.bodies.poll(5, TimeUnit.SECONDS), "an exercise alert never reaches a real webhook");

                Reply realIngest = json("POST", "/api/watch/mentions/batch", cm, "{\"mentions\":[" + mention("Vrai " + word) + "]}");
                assertEquals(202, realIngest.status(), realIngest.body());
                String toReal = real.bodies.poll(20, TimeUnit.SECONDS);
                assertNotNull(toReal, "the real webhook receives the real alert");
                assertEquals(false, JSON.readTree(toReal).path("exercise").asBoolean(true));
                report.add("## Exercise alerts\n");
                report.add("- exercise alert: delivered to the exercise webhook with `\"exercise\":true` (and in the alert),"
                        + " nothing reached the real webhook in 5 s; the real alert that followed reached the real webhook"
                        + " with `\"exercise\":false`\n");
            } finally {
                json("DELETE", "/api/watch/webhooks/" + realHook, admin, null);
                json("DELETE", "/api/watch/webhooks/" + drillHook, admin, null);
            }
        }
    }
}
