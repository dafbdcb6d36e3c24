package cm.vigie.accounts.official.verification.profile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Replays the Graph API's Page node as documented (developers.facebook.com/docs/graph-api/reference/page,
 * guides/error-handling): {@code GET /v21.0/{page}?fields=...&access_token=...} answers the requested fields, or
 * {@code {error:{message,type,code,error_subcode,fbtrace_id}}}: 190 for a bad token, 803 for an unknown alias, 32 for
 * the page rate limit. Tests set pages through {@code PUT /_pages/{handle}} (JSON {@code {about, description, mode}}),
 * so that a test in another class loader than the one that started the server can still drive it. Modes: {@code ok},
 * {@code rate-limited}, {@code stall} (answers after 10 s), {@code huge} (a 1 MB about), {@code html} (not JSON).
 */
public final class FakeGraphApi implements AutoCloseable {

    public static final String TOKEN = "EAAG-test-app-token";
    public static final String VERSION = "v21.0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Map<String, String>> pages = new ConcurrentHashMap<>();
    private final Map<String, Integer> reads = new ConcurrentHashMap<>();

    public FakeGraphApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-graph-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL with the API version, as {@code vigie.official-verification.facebook.graph-url} expects. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + VERSION;
    }

    public void page(String handle, String about, String description, String mode) {
        Map<String, String> page = new HashMap<>();
        page.put("about", about);
        page.put("description", description);
        page.put("mode", mode == null ? "ok" : mode);
        pages.put(handle, page);
    }

    public int reads(String handle) {
        return reads.getOrDefault(handle, 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/_pages/") && exchange.getRequestMethod().equals("PUT")) {
                @SuppressWarnings("unchecked")
                Map<String, String> body = JSON.readValue(exchange.getRequestBody(), Map.class);
                page(path.substring("/_pages/".length()), body.get("about"), body.get("description"), body.get("mode"));
                send(exchange, 204, null);
                return;
            }
            if (path.startsWith("/_reads/")) {
                send(exchange, 200, String.valueOf(reads(path.substring("/_reads/".length()))));
                return;
            }
            if (!path.startsWith("/" + VERSION + "/") || !exchange.getRequestMethod().equals("GET")) {
                send(exchange, 400, error("Unsupported get request.", 100, 33));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI());
            if (!TOKEN.equals(query.get("access_token"))) {
                send(exchange, 400, error("Invalid OAuth access token - Cannot parse access token", 190, null));
                return;
            }
            String handle = path.substring(VERSION.length() + 2);
            reads.merge(handle, 1, Integer::sum);
            Map<String, String> page = pages.get(handle);
            if (page == null) {
                send(exchange, 404, error("(#803) Some of the aliases you requested do not exist: " + handle, 803, null));
                return;
            }
            switch (page.get("mode")) {
                case "rate-limited" -> send(exchange, 400, error("(#32) Page request limit reached", 32, null));
                case "stall" -> {
                    sleep(10_000);
                    send(exchange, 200, "{}");
                }
                case "html" -> send(exchange, 502, "<html><body>Bad Gateway</body></html>");
                default -> {
                    ObjectNode node = JSON.createObjectNode();
                    node.put("id", String.valueOf(100000000000L + Math.abs(handle.hashCode())));
                    node.put("name", handle);
                    node.put("username", handle);
                    String about = "huge".equals(page.get("mode")) ? "x".repeat(1024 * 1024) : page.get("about");
                    String fields = query.getOrDefault("fields", "");
                    if (about != null && fields.contains("about")) {
                        node.put("about", about);
                    }
                    if (page.get("description") != null && fields.contains("description")) {
                        node.put("description", page.get("description"));
                    }
                    send(exchange, 200, JSON.writeValueAsString(node));
                }
            }
        }
    }

    private static String error(String message, int code, Integer subcode) throws IOException {
        ObjectNode error = JSON.createObjectNode();
        error.put("message", message);
        error.put("type", "OAuthException");
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "AbCdEfGhIjK");
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        return JSON.writeValueAsString(body);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
