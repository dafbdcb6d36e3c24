package cm.vigie.gateway.balancing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Upstream services of several instances, on public paths (no token needed):
 * <ul>
 * <li>{@code pair}: a port nobody listens on, then instance {@link #A};
 * <li>{@code two}: instances {@link #A} and {@link #B};
 * <li>{@code dropping}: an instance that reads each request and drops the connection without answering, then {@link #B}.
 * </ul>
 */
public class ReplicatedUpstreams implements QuarkusTestResourceLifecycleManager {

    /** An instance that answers 200 with its name and counts the requests it received. */
    public static final class Counting implements AutoCloseable {
        private final String name;
        private final HttpServer server;
        private final AtomicInteger received = new AtomicInteger();

        Counting(String name) throws IOException {
            this.name = name;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    received.incrementAndGet();
                    byte[] body = name.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        public int received() {
            return received.get();
        }

        public void reset() {
            received.set(0);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Reads the request head, then closes the connection without a word: it reached the instance. */
    public static final class Dropping implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicInteger connections = new AtomicInteger();

        Dropping() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        connections.incrementAndGet();
                        InputStream in = socket.getInputStream();
                        byte[] head = new byte[4];
                        int n = 0;
                        int b;
                        // up to the blank line that ends the head
                        while ((b = in.read()) >= 0) {
                            head[n++ % 4] = (byte) b;
                            if (head[(n - 4) & 3] == '\r' && head[(n - 3) & 3] == '\n' && head[(n - 2) & 3] == '\r'
                                    && head[(n - 1) & 3] == '\n') {
                                break;
                            }
                        }
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "dropping-upstream");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        public String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        public int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    public static Counting A;
    public static Counting B;
    public static Dropping DROPPING;
    public static String CLOSED;

    @Override
    public Map<String, String> start() {
        try {
            A = new Counting("a");
            B = new Counting("b");
            DROPPING = new Dropping();
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                CLOSED = "http://127.0.0.1:" + socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("vigie.gateway.services.pair.url", CLOSED);
        config.put("vigie.gateway.services.pair.urls", CLOSED + "," + A.url());
        config.put("vigie.gateway.services.two.url", A.url());
        config.put("vigie.gateway.services.two.urls", A.url() + "," + B.url());
        config.put("vigie.gateway.services.dropping.url", DROPPING.url());
        config.put("vigie.gateway.services.dropping.urls", DROPPING.url() + "," + B.url());
        config.put("vigie.gateway.routes.\"/api/pair\"", "pair");
        config.put("vigie.gateway.routes.\"/api/two\"", "two");
        config.put("vigie.gateway.routes.\"/api/dropping\"", "dropping");
        config.put("vigie.gateway.public-paths", "/api/public/**,/api/pair/**,/api/two/**,/api/dropping/**");
        config.put("vigie.gateway.rate-limit.public-rate", "1000");
        config.put("vigie.gateway.rate-limit.public-burst", "1000");
        config.put("vigie.gateway.balancing.eject-for", "1h");
        config.put("vigie.gateway.circuit-breaker.failure-threshold", "1000");
        return config;
    }

    @Override
    public void stop() {
        A.close();
        B.close();
        try {
            DROPPING.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
