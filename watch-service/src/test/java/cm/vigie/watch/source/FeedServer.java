package cm.vigie.watch.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server serving the feed fixtures of {@code src/test/resources/feeds} as news sites do: with an ETag and
 * a Last-Modified, answering 304 to a matching conditional GET. Also: {@code /status/<code>} (with Retry-After),
 * {@code /redirect/<fixture>} and {@code /mutable/<key>} whose body a test sets.
 */
public final class FeedServer implements AutoCloseable {

    public record Hit(String path, Headers headers) {
    }

    private static final String LAST_MODIFIED = "Thu, 26 Nov 2026 18:42:10 GMT";

    private final HttpServer server;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> mutable = new ConcurrentHashMap<>();

    public FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Sets the body of {@code /mutable/<key>}; its ETag follows the content. */
    public void mutable(String key, String body) {
        mutable.put(key, body.getBytes(StandardCharsets.UTF_8));
    }

    public List<Hit> hits(String path) {
        return hits.stream().filter(hit -> hit.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.add(new Hit(path, exchange.getRequestHeaders()));
        try (exchange) {
            if (path.startsWith("/status/")) {
                int status = Integer.parseInt(path.substring("/status/".length()));
                exchange.getResponseHeaders().add("Retry-After", "600");
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            if (path.startsWith("/redirect/")) {
                exchange.getResponseHeaders().add("Location", "/feeds/" + path.substring("/redirect/".length()));
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] body;
            String contentType;
            if (path.startsWith("/mutable/")) {
                body = mutable.getOrDefault(path.substring("/mutable/".length()), new byte[0]);
                contentType = "application/rss+xml; charset=UTF-8";
            } else if (path.startsWith("/feeds/")) {
                String name = path.substring("/feeds/".length());
                try (InputStream in = FeedServer.class.getResourceAsStream("/feeds/" + name)) {
                    if (in == null || name.contains("..")) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    body = in.readAllBytes();
                }
                contentType = name.endsWith(".html") ? "text/html; charset=utf-8"
                        : name.startsWith("latin1") ? "text/xml"
                        : name.contains("atom") ? "application/atom+xml" : "application/rss+xml; charset=UTF-8";
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
