package cm.vigie.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.Stack;

/**
 * Live alerts in a browser (issue 23, item 4): a page served by this test on 127.0.0.1 buys a stream ticket with a
 * token (fetch), opens {@code new EventSource(gateway + '/api/watch/alerts/stream?ticket=...')} (no header: a browser
 * cannot send one) and lists the alerts it receives. The test ingests a mention restating a hoax; headless Chromium
 * (puppeteer-core) must show the alert it raised. The page's origin differs from the gateway's, so the gateway is
 * started with that origin in its CORS list, as a deployment lists its front-end's.
 */
class LiveAlertsBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static Path target;
    private static Path chromium;
    private static Path puppeteer;
    private static HttpServer pages;
    private static volatile String page = "";
    private static Stack stack;
    private static EndToEndStack running;

    @BeforeAll
    static void boot() throws Exception {
        target = EndToEndStack.target();
        chromium = Path.of(System.getProperty("vigie.chromium", ""));
        puppeteer = target.resolve("browser-tools/node_modules/puppeteer-core").toAbsolutePath();
        if (!Files.isRegularFile(chromium) || !Files.isExecutable(chromium)) {
            fail("headless Chromium not found at \"" + chromium + "\" (the root pom unpacks it at validate and sets"
                    + " -Dvigie.chromium; see docs/operations.md, Browser checks)");
        }
        if (!Files.isRegularFile(puppeteer.resolve("package.json"))) {
            fail("puppeteer-core is missing at " + puppeteer + " (the devstack build installs it with npm before the ITs)");
        }
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        pages.start();
        String origin = "http://127.0.0.1:" + pages.getAddress().getPort();
        running = EndToEndStack.start("live-alerts", options -> options.toBuilder()
                .jvmOptions(ServiceModule.GATEWAY, "-Dquarkus.http.cors.origins=" + origin)
                .keycloakReadyTimeout(Duration.ofMinutes(12)).serviceReadyTimeout(Duration.ofMinutes(6)).build());
        stack = running.stack();
    }

    @AfterAll
    static void close() {
        if (running != null) {
            running.close();
        }
        if (pages != null) {
            pages.stop(0);
        }
    }

    @Test
    void aPageConnectsWithATicketAndShowsTheAlertOfAnIngestedMention() throws Exception {
        String gateway = stack.gatewayUrl();
        String viewer = stack.tokens().passwordGrant("minsante", "viewer", "demo");
        String cm = "Bearer " + stack.tokens().passwordGrant("minsante", "cm", "demo");
        page = livePage(gateway, viewer);
        String marker = "navigateur" + UUID.randomUUID().toString().replace("-", "");
        String claim = "Les moustiquaires distribuees cette semaine sont impregnees d un poison mortel " + marker;
        send(cm, "/api/watch/hoaxes", "{\"claims\":[\"" + claim + "\"],\"verdict\":\"FALSE\",\"shared\":false}", 201);

        ProcessBuilder builder = new ProcessBuilder("node", Path.of("src/test/node/live-alerts.cjs").toAbsolutePath().toString())
                .redirectError(target.resolve("live-alerts-browser.log").toFile());
        builder.environment().put("PUPPETEER_CORE", puppeteer.toString());
        builder.environment().put("CHROMIUM", chromium.toString());
        builder.environment().put("PAGE_URL", "http://127.0.0.1:" + pages.getAddress().getPort() + "/");
        builder.environment().put("SCREENSHOT", target.resolve("live-alerts.png").toAbsolutePath().toString());
        Process node = builder.start();
        CompletableFuture<String> report = new CompletableFuture<>();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null;) {
                    if (line.equals("CONNECTED")) {
                        connected.complete(null);
                    } else if (line.startsWith("{")) {
                        report.complete(line);
                    }
                }
                report.complete("{}");
            } catch (Exception e) {
                report.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            connected.get(3, TimeUnit.MINUTES);
        } catch (Exception e) {
            fail("the page never connected to the stream: " + report.getNow("(no report)") + "\n"
                    + Files.readString(target.resolve("live-alerts-browser.log")));
        }
        send(cm, "/api/watch/mentions/batch", "{\"mentions\":[{\"platform\":\"FACEBOOK\",\"externalId\":\"" + UUID.randomUUID()
                + "\",\"url\":\"https://www.facebook.com/posts/" + UUID.randomUUID() + "\",\"author\":{\"handle\":\"rumeurs_237\","
                + "\"displayName\":\"Rumeurs 237\",\"followers\":120},\"text\":\"" + claim + "\",\"publishedAt\":\""
                + Instant.now().minusSeconds(30) + "\",\"metrics\":{\"likes\":3,\"shares\":1,\"comments\":0,\"views\":50}}]}", 202);

        JsonNode seen = JSON.readTree(report.get(4, TimeUnit.MINUTES));
        if (!node.waitFor(1, TimeUnit.MINUTES)) {
            node.destroyForcibly();
        }
        String log = Files.readString(target.resolve("live-alerts-browser.log"));
        System.out.print(log);
        assertEquals(0, node.exitValue(), "the browser run failed (screenshot in target/live-alerts.png): " + seen + "\n" + log);
        assertTrue(seen.path("alert").asText().startsWith("ALERT_CREATED HOAX"), "the alert is on the page: " + seen);
        boolean streamWithTicket = false;
        for (JsonNode request : seen.path("requests")) {
            String url = request.path("url").asText();
            if (url.startsWith(gateway + "/api/watch/alerts/stream?ticket=")) {
                streamWithTicket = true;
                assertFalse(request.path("authorization").asBoolean(), "the stream request carries no Authorization header");
            }
        }
        assertTrue(streamWithTicket, "the page opened the stream with a ticket: " + seen.path("requests"));
    }

    /** The front-end side, as small as it gets: buy a ticket with the token, open the stream with it, list alerts. */
    private static String livePage(String gateway, String token) {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Alertes en direct</title></head><body>
                <p id="status" data-state="connecting">connexion…</p><ul id="alerts"></ul>
                <script>
                const gateway = %s, token = %s;
                let lastEventId = null;
                async function connect() {
                  const answer = await fetch(gateway + '/api/watch/alerts/stream-tickets',
                      { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
                  if (answer.status !== 201) { throw new Error('ticket: ' + answer.status + ' ' + await answer.text()); }
                  const { ticket } = await answer.json();
                  const url = gateway + '/api/watch/alerts/stream?ticket=' + encodeURIComponent(ticket)
                      + (lastEventId ? '&lastEventId=' + encodeURIComponent(lastEventId) : '');
                  const events = new EventSource(url);
                  events.onopen = () => document.getElementById('status').dataset.state = 'open';
                  events.addEventListener('ALERT_CREATED', (e) => {
                    lastEventId = e.lastEventId;
                    const alert = JSON.parse(e.data);
                    const li = document.createElement('li');
                    li.textContent = 'ALERT_CREATED ' + alert.ruleType + ' ' + alert.title;
                    document.getElementById('alerts').appendChild(li);
                  });
                  // a ticket opens one stream: on an error, close, buy a new ticket and resume after the last id seen
                  events.onerror = () => { events.close(); setTimeout(connect, 1000); };
                }
                connect().catch((e) => { console.log(String(e)); document.getElementById('status').dataset.state = 'failed'; });
                </script></body></html>
                """.formatted(jsString(gateway), jsString(token));
    }

    private static String jsString(String value) {
        try {
            return JSON.writeValueAsString(value).replace("</", "<\\/");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(String bearer, String path, String body, int expected) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, answer.statusCode(), path + ": " + answer.body());
    }
}
