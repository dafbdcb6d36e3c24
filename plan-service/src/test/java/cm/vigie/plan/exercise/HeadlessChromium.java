package cm.vigie.plan.exercise;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Screenshots of a local page in the headless Chromium the build provides ({@code -Dvigie.chromium}, see
 * docs/operations.md "Browser checks"), through the DevTools protocol: that Chromium is a headless shell whose
 * {@code --screenshot} command-line mode does not return, while the protocol (what puppeteer uses) does.
 */
final class HeadlessChromium {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");

    private HeadlessChromium() {
    }

    static Path executable() {
        String configured = System.getProperty("vigie.chromium");
        if (configured == null || configured.isBlank()) {
            fail("no -Dvigie.chromium: run the tests through Maven (the root pom sets it up), or pass the path of a"
                    + " headless Chromium");
        }
        Path chromium = Path.of(configured);
        assertTrue(Files.isRegularFile(chromium) && Files.isExecutable(chromium), "headless Chromium is needed at " + chromium + " (the build unpacks it"
                + " there at validate: ./mvnw -pl plan-service -am verify, or node tools/chromium-setup.cjs; see"
                + " docs/operations.md, Browser checks)");
        return chromium;
    }

    /** The page at {@code file} as a PNG, {@code width}×{@code height} CSS pixels at scale 1. */
    static byte[] screenshot(Path file, int width, int height, Path workDir) throws Exception {
        Path log = workDir.resolve("chromium-" + width + ".log");
        Process chromium = new ProcessBuilder(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run", "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--user-data-dir=" + workDir.resolve("profile-" + width),
                "--window-size=" + width + "," + height, "about:blank").redirectErrorStream(true).start();
        try {
            String endpoint = devToolsEndpoint(chromium, log);
            String page = pageEndpoint(endpoint);
            try (Session session = Session.open(page)) {
                session.call("Page.enable", JSON.createObjectNode());
                session.call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width)
                        .put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
                session.call("Page.navigate", JSON.createObjectNode().put("url", file.toUri().toString()));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!"complete".equals(session.call("Runtime.evaluate", JSON.createObjectNode()
                        .put("expression", "document.readyState").put("returnByValue", true))
                        .path("result").path("value").asText())) {
                    assertTrue(System.nanoTime() < deadline, "the page loaded in Chromium within 60 s");
                    Thread.sleep(50);
                }
                JsonNode shot = session.call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
                return Base64.getDecoder().decode(shot.path("data").asText());
            }
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroy);
            chromium.destroy();
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
        }
    }

    /** Reads Chromium's output (copied to {@code log}) until it prints its DevTools address. */
    private static String devToolsEndpoint(Process chromium, Path log) throws Exception {
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            StringBuilder seen = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(chromium.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    seen.append(line).append('\n');
                    Files.writeString(log, seen);
                    Matcher m = DEVTOOLS.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
            found.completeExceptionally(new IllegalStateException("Chromium exited: " + seen));
        }, "chromium-output");
        reader.setDaemon(true);
        reader.start();
        return found.get(60, TimeUnit.SECONDS);
    }

    private static String pageEndpoint(String browserEndpoint) throws Exception {
        URI browser = URI.create(browserEndpoint);
        URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int attempt = 0; attempt < 100; attempt++) {
                JsonNode targets = JSON.readTree(http.send(java.net.http.HttpRequest.newBuilder(list)
                        .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode target : targets) {
                    if ("page".equals(target.path("type").asText())) {
                        return target.path("webSocketDebuggerUrl").asText();
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("Chromium opened no page");
    }

    /** One DevTools connection: numbered calls, each answered by the message carrying its id. */
    private static final class Session implements WebSocket.Listener, AutoCloseable {
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private final HttpClient http = HttpClient.newHttpClient();
        private WebSocket socket;

        static Session open(String endpoint) throws Exception {
            Session session = new Session();
            session.socket = session.http.newWebSocketBuilder().buildAsync(URI.create(endpoint), session)
                    .get(30, TimeUnit.SECONDS);
            return session;
        }

        JsonNode call(String method, ObjectNode params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            socket.sendText(JSON.writeValueAsString(JSON.createObjectNode().put("id", id).put("method", method)
                    .set("params", params)), true).get(30, TimeUnit.SECONDS);
            JsonNode message = answer.get(60, TimeUnit.SECONDS);
            if (message.has("error")) {
                throw new AssertionError(method + " failed in Chromium: " + message.get("error"));
            }
            return message.path("result");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> answer = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
                    if (answer != null) {
                        answer.complete(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.abort();
            http.close();
        }
    }
}
