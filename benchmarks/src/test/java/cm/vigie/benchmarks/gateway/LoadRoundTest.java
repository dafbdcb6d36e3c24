package cm.vigie.benchmarks.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The load generator against a local server that takes {@value #SERVICE_MS} ms per answer: a closed loop times the
 * exchange, a fixed rate times from the scheduled send, so a server that cannot keep up shows as growing latency
 * (no coordinated omission), and one that can shows its own service time.
 */
class LoadRoundTest {

    private static final int SERVICE_MS = 20;
    private HttpServer server;
    private URI url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(SERVICE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slow?size=1");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aRateTheServerCanKeepUpWithMeasuresItsServiceTime() throws InterruptedException {
        // 1 connection, one request every 50 ms, each served in 20 ms
        LoadRound.Result result = LoadRound.runAtRate(url, "Bearer x", 1, 20, Duration.ofSeconds(2));
        assertEquals(0, result.failures(), result.statuses().toString());
        assertEquals(40, result.requests(), 1, "one request per scheduled slot");
        assertTrue(result.medianMs() >= SERVICE_MS && result.medianMs() < 3 * SERVICE_MS, result.toString());
    }

    @Test
    void aRateTheServerCannotKeepUpWithCountsTheWaitFromTheSchedule() throws InterruptedException {
        // 1 connection, one request every 10 ms, each served in 20 ms or more: the backlog grows all along
        LoadRound.Result open = LoadRound.runAtRate(url, "Bearer x", 1, 100, Duration.ofSeconds(2));
        LoadRound.Result closed = LoadRound.run(url, "Bearer x", 1, Duration.ofSeconds(1));
        assertEquals(0, open.failures() + closed.failures());
        assertTrue(closed.medianMs() < 3 * SERVICE_MS, closed.toString());
        // the median request was scheduled about 1 s in and sent about 2 s in
        assertTrue(open.medianMs() > 10 * closed.medianMs(), open + " vs closed " + closed);
        assertTrue(open.lateSends() > open.requests() / 2, open.lateSends() + " late of " + open.requests());
        assertEquals(200, open.requests(), 1, "every scheduled request is sent, however late");
    }

    @Test
    void theTotalRateIsSpreadOverTheConnections() throws InterruptedException {
        LoadRound.Result result = LoadRound.runAtRate(url, "Bearer x", 4, 40, Duration.ofSeconds(2));
        assertEquals(0, result.failures());
        assertEquals(80, result.requests(), 2);
        assertTrue(result.medianMs() < 3 * SERVICE_MS, result.toString());
    }
}
