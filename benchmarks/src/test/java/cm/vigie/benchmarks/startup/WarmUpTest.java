package cm.vigie.benchmarks.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class WarmUpTest {

    private HttpServer server;
    private final AtomicInteger seen = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // every tenth request is refused
        server.createContext("/", exchange -> {
            int n = seen.incrementAndGet();
            byte[] body = "{}".getBytes();
            exchange.sendResponseHeaders(n % 10 == 0 ? 401 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        http.close();
    }

    @Test
    void countsEveryAnswerAndTheOnesThatAreNot2xx() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        WarmUp.Outcome outcome = WarmUp.run(http, WarmUpPlan.me(base, WarmUpPlan.PLAN_ME, List.of("Bearer t")), 100, 4);

        assertEquals(100, seen.get());
        assertEquals(100, outcome.requests());
        assertEquals(10, outcome.non2xx());
        assertEquals(Map.of("200", 90, "401", 10), outcome.statuses());
        assertEquals(3, outcome.failures().size(), "only the first few failures are kept");
        assertTrue(outcome.failures().get(0).startsWith("GET " + base + "/api/plans/me -> 401"),
                outcome.failures().get(0));
        assertTrue(outcome.requestsPerSecond() > 0);
    }

    @Test
    void aRequestWithoutAnswerCountsAsAFailure() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.stop(0);
        WarmUp.Outcome outcome = WarmUp.run(http, WarmUpPlan.me(base, WarmUpPlan.WATCH_ME, List.of("Bearer t")), 5, 2);
        assertEquals(5, outcome.non2xx());
        assertEquals(Map.of("error", 5), outcome.statuses());
    }
}
