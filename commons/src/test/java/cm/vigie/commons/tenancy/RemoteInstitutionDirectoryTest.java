package cm.vigie.commons.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The directory of a service other than accounts-service follows accounts-service's version: a change is loaded as
 * soon as the version moves, without waiting for the maximum age, and an unchanged version costs a 304.
 */
class RemoteInstitutionDirectoryTest {

    private static final String KEY = "directory-test-key";

    private HttpServer accounts;
    private volatile String status = "ACTIVE";
    private final AtomicLong version = new AtomicLong(1);
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private RemoteInstitutionDirectory directory;

    @BeforeEach
    void start() throws IOException {
        accounts = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        accounts.createContext("/", this::handle);
        accounts.start();
        // a maximum age far beyond the test: only the version makes the directory reload
        directory = new RemoteInstitutionDirectory(Optional.of("http://127.0.0.1:" + accounts.getAddress().getPort()),
                Duration.ofHours(1), Duration.ofMillis(50), new ServiceKey(Optional.of(KEY)), new ObjectMapper());
    }

    @AfterEach
    void stop() {
        directory.stop();
        accounts.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!KEY.equals(exchange.getRequestHeaders().getFirst(ServiceKey.HEADER))) {
            respond(exchange, 401, "{}", null);
        } else if (exchange.getRequestURI().getPath().equals(RemoteInstitutionDirectory.VERSION_PATH)) {
            String etag = "\"" + version.get() + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
            } else {
                respond(exchange, 200, "{\"version\":" + version.get() + "}", etag);
            }
        } else if (exchange.getRequestURI().getPath().equals(RemoteInstitutionDirectory.PATH)) {
            loads.incrementAndGet();
            respond(exchange, 200, "[{\"slug\":\"minsante\",\"status\":\"" + status + "\"}]", null);
        } else {
            respond(exchange, 404, "{}", null);
        }
    }

    private static void respond(HttpExchange exchange, int code, String json, String etag) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        exchange.sendResponseHeaders(code, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void awaitNotModified(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (notModified.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(notModified.get() >= atLeast, "the version was never asked again");
    }

    @Test
    void aSuspensionIsLoadedAsSoonAsTheVersionMovesAndNotBefore() throws Exception {
        assertTrue(directory.find("minsante").toCompletableFuture().get(5, TimeUnit.SECONDS).orElseThrow().active());
        awaitNotModified(2);
        int loadsBefore = loads.get();

        status = "SUSPENDED";
        awaitNotModified(notModified.get() + 2);
        assertEquals(Set.of(), directory.suspendedNow(), "same version: the snapshot stands");
        assertEquals(loadsBefore, loads.get(), "an unchanged version loads nothing");

        version.incrementAndGet();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (directory.suspendedNow().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(Set.of("minsante"), directory.suspendedNow());
        assertEquals(loadsBefore + 1, loads.get(), "one load per version");
    }
}
