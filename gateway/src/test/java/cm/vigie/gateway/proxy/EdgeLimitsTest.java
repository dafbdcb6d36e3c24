package cm.vigie.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.gateway.edge.EdgeGuards;
import cm.vigie.gateway.proxy.UpstreamResource.InjectUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/** What one client or institution may hold of the gateway: slow clients cut, connections and streams capped. */
@QuarkusTest
@TestProfile(EdgeLimitsTest.Limits.class)
@WithTestResource(UpstreamResource.class)
@WithTestResource(TestIdentityProviderResource.class)
class EdgeLimitsTest {

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigie.gateway.edge.header-timeout", "1500ms",
                    "vigie.gateway.edge.body-timeout", "1500ms",
                    "vigie.gateway.edge.max-connections-per-address", "6",
                    "vigie.gateway.edge.stream-paths", "/api/accounts/live",
                    "vigie.gateway.edge.max-streams-per-institution", "2",
                    "vigie.gateway.trusted-proxies", "127.0.0.1/32,10.244.0.0/16");
        }
    }

    private static final String SANTE = TestTokens.bearer("minsante", "cm", "community-manager");
    private static final String COM = TestTokens.bearer("mincom", "cm", "community-manager");

    @InjectUpstream
    UpstreamStub upstream;

    @Inject
    EdgeGuards guards;

    @Inject
    ProxyRoutes routes;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @BeforeEach
    void reset() {
        upstream.clear();
        // RestAssured keeps idle connections open, and they count against this client address's small cap here
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Connection", "close").build();
    }

    @AfterEach
    void restore() {
        RestAssured.requestSpecification = null;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(8000);
        return socket;
    }

    /** Everything the gateway sends until it closes the connection (or the read times out). */
    private static String readAll(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder out = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException | java.net.SocketException stillOpen) {
            out.append("<no close>");
        }
        return out.toString();
    }

    @Test
    void aClientThatTricklesItsHeadersIsAnswered408AndClosed() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            long start = System.nanoTime();
            out.write("GET /api/accounts/x HTTP/1.1\r\nHost: gw\r\nAccept-Language: fr\r\n".getBytes(StandardCharsets.US_ASCII));
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        out.write(("X-Slow-" + i + ": a\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(250);
                    }
                } catch (IOException | InterruptedException cut) {
                    // the gateway closed the connection
                }
            });
            String answer = readAll(socket);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("ne sont pas arriv"), "in the client's language: " + answer);
            assertTrue(!answer.endsWith("<no close>"), "the connection is closed");
            assertTrue(tookMs >= 1400 && tookMs < 5000, "cut after " + tookMs + " ms");
        }
        assertEquals(null, upstream.poll(200), "nothing reached the service");
    }

    @Test
    void aClientThatTricklesItsBodyIsAnswered408AndClosed() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            long start = System.nanoTime();
            out.write(("POST /api/accounts/upload HTTP/1.1\r\nHost: gw\r\nAuthorization: " + SANTE
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabc").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAll(socket);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("request-timeout"), answer);
            assertTrue(!answer.endsWith("<no close>"), "the connection is closed");
            assertTrue(tookMs >= 1400 && tookMs < 5000, "cut after " + tookMs + " ms");
        }
    }

    @Test
    void oneClientAddressHoldsAtMostItsConnections() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                held.add(connect());
            }
            long deadline = System.currentTimeMillis() + 3000;
            while (guards.openConnections("127.0.0.1") < 6 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            try (Socket extra = connect()) {
                String answer = readAll(extra);
                assertTrue(answer.startsWith("HTTP/1.1 429"), answer);
                assertTrue(answer.contains("6 open connections"), answer);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (guards.openConnections("127.0.0.1") > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, guards.openConnections("127.0.0.1"), "closed connections are no longer counted");
        given().header("Authorization", SANTE).get("/api/accounts/after").then().statusCode(200);
    }

    /** Opens a stream and reads until its first event; answers the socket (kept open) and the status line. */
    private Socket stream(String token, StringBuilder status) throws IOException {
        Socket socket = connect();
        socket.getOutputStream().write(("GET /api/accounts/live/stream HTTP/1.1\r\nHost: gw\r\nAccept: text/event-stream\r\n"
                + "Authorization: " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.toString().contains("data: one") || (head.toString().contains("\r\n\r\n") && !head.toString().startsWith("HTTP/1.1 200"))) {
                break;
            }
        }
        status.append(head.toString().lines().findFirst().orElse(""));
        return socket;
    }

    @Test
    void anInstitutionHoldsAtMostItsStreamsAndOthersKeepTheirs() throws Exception {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        StringBuilder third = new StringBuilder();
        StringBuilder other = new StringBuilder();
        Socket a = stream(SANTE, first);
        Socket b = stream(SANTE, second);
        try (Socket c = stream(SANTE, third); Socket d = stream(COM, other)) {
            assertEquals("HTTP/1.1 200 OK", first.toString());
            assertEquals("HTTP/1.1 200 OK", second.toString());
            assertTrue(third.toString().startsWith("HTTP/1.1 429"), third.toString());
            assertEquals("HTTP/1.1 200 OK", other.toString(), "another institution still opens its streams");
            // ordinary requests of the same institution still pass beside its streams
            given().header("Authorization", SANTE).get("/api/accounts/list").then().statusCode(200);
            a.close();
            long deadline = System.currentTimeMillis() + 3000;
            while (routes.streamSlots().open("minsante") > 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(routes.streamSlots().open("minsante") <= 1, "a closed stream gives its slot back");
            StringBuilder again = new StringBuilder();
            try (Socket e = stream(SANTE, again)) {
                assertEquals("HTTP/1.1 200 OK", again.toString(), "the freed slot serves a new stream");
            }
        } finally {
            a.close();
            b.close();
            for (int i = 0; i < 4; i++) {
                upstream.releaseSecondEvent();
            }
        }
    }

    @Test
    void aStreamsHeadReachesTheClientBeforeItsFirstEvent() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            socket.getOutputStream().write(("GET /api/accounts/live/quiet-stream HTTP/1.1\r\nHost: gw\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: " + COM + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.append((char) b);
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("HTTP/1.1 200 OK", line.toString().strip());
            assertTrue(tookMs < 2500, "the head came after " + tookMs + " ms, not with the first event 3 s later");
        }
    }

    @Test
    void publicLimitsFollowTheRealClientBehindATrustedProxyOnly() throws Exception {
        // the test client is 127.0.0.1, a trusted proxy here: its X-Forwarded-For names the client
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").get("/api/public/verify").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.7").header("Accept-Language", "fr").get("/api/public/verify")
                .then().statusCode(429).body("type", equalTo("https://vigie.cm/problems/too-many-requests"));
        upstream.clear();
        given().header("X-Forwarded-For", "198.51.100.1, 203.0.113.8").get("/api/public/verify").then().statusCode(200);
        assertEquals(List.of("203.0.113.8"), upstream.take().headers().get("x-forwarded-for"),
                "the service is told the real client");
    }
}
