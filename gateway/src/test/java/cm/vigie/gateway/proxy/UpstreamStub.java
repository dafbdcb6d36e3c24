package cm.vigie.gateway.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny upstream service on 127.0.0.1 and a free port. It records every request it gets and
 * answers with a recognisable status, headers and body:
 * GET answers 200 {@code {"ok":true}}, anything else 201 and {@code echo:<body>}.
 */
public final class UpstreamStub implements AutoCloseable {

    /** What the upstream saw. Header names are lower-cased. */
    public record Received(String method, String uri, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : String.join(",", values);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** Released once per request as soon as its first body bytes arrive. */
    private final Semaphore firstBodyBytes = new Semaphore(0);
    private final Semaphore secondEvent = new Semaphore(0);

    public UpstreamStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "upstream-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request the upstream received, waiting a little for it. */
    public Received take() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the upstream received no request");
        }
        return r;
    }

    /** The next request the upstream received within {@code millis}, or null. */
    public Received poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Lets a stream opened on {@code .../stream} send its second event. */
    public void releaseSecondEvent() {
        secondEvent.release();
    }

    public void clear() {
        received.clear();
        firstBodyBytes.drainPermits();
    }

    public boolean awaitFirstBodyBytes(long seconds) throws InterruptedException {
        return firstBodyBytes.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = readBody(exchange.getRequestBody());
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            String method = exchange.getRequestMethod();
            received.add(new Received(method, exchange.getRequestURI().toString(), headers, body));

            String path = exchange.getRequestURI().getPath();
            if (path.equals("/q/openapi")) {
                byte[] document;
                try (InputStream in = UpstreamStub.class.getResourceAsStream("/openapi/accounts.json")) {
                    document = in.readAllBytes();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, document.length);
                exchange.getResponseBody().write(document);
                return;
            }
            if (path.endsWith("/slow")) {
                sleep(3000);
            } else if (path.endsWith("/stream")) {
                stream(exchange);
                return;
            } else if (path.endsWith("/quiet-stream")) {
                // a stream whose first event comes late: only its head is sent at once
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().flush();
                sleep(3000);
                exchange.getResponseBody().write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().close();
                return;
            }
            boolean get = "GET".equals(method);
            byte[] out = (get ? "{\"ok\":true}" : "echo:" + body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", get ? "application/json" : "text/plain");
            exchange.getResponseHeaders().add("X-Upstream", "stub");
            if (!get) {
                exchange.getResponseHeaders().add("Location", exchange.getRequestURI().getPath() + "/42");
            }
            exchange.sendResponseHeaders(get ? 200 : 201, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /** Server-Sent Events: one event, then silence until released (or 5 s), then a second event. */
    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream os = exchange.getResponseBody();
        os.write("data: one\n\n".getBytes(StandardCharsets.UTF_8));
        os.flush();
        try {
            secondEvent.tryAcquire(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        os.write("data: two\n\n".getBytes(StandardCharsets.UTF_8));
        os.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String readBody(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        boolean first = true;
        int n;
        while ((n = in.read(chunk)) != -1) {
            if (first && n > 0) {
                first = false;
                firstBodyBytes.release();
            }
            all.write(chunk, 0, n);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
