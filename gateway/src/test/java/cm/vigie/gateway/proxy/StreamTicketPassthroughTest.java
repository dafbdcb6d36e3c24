package cm.vigie.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.gateway.proxy.UpstreamResource.InjectUpstream;
import cm.vigie.gateway.proxy.UpstreamStub.Received;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A stream opened with {@code ?ticket=} and no Authorization header (a browser's EventSource) passes the gateway to
 * the service, which checks the ticket; the ticket appears in no log line. Here the stream path is one routed to the
 * stub upstream.
 */
@QuarkusTest
@WithTestResource(UpstreamResource.class)
@WithTestResource(TestIdentityProviderResource.class)
@TestProfile(StreamTicketPassthroughTest.TicketStream.class)
class StreamTicketPassthroughTest {

    public static class TicketStream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a loaded build machine may take more than the default 800 ms to open the first stream connection
            return Map.of("vigie.gateway.edge.stream-paths", "/api/watch/alerts/stream,/api/accounts/events",
                    "vigie.gateway.connect-timeout", "10s");
        }
    }

    @InjectUpstream
    UpstreamStub upstream;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            Object[] parameters = record.getParameters();
            logged.add(record.getLoggerName() + " " + record.getMessage()
                    + (parameters == null ? "" : " " + java.util.Arrays.toString(parameters)));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        upstream.clear();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aTicketStreamReachesTheServiceWithItsQueryAndNoAuthorization() throws Exception {
        String ticket = "tkt-" + UUID.randomUUID();
        given().urlEncodingEnabled(false).when().get("/api/accounts/events?ticket=" + ticket + "&lastEventId=41")
                .then().statusCode(200);
        Received r = upstream.take();
        assertEquals("/api/accounts/events?ticket=" + ticket + "&lastEventId=41", r.uri());
        assertNull(r.header("Authorization"));

        Thread.sleep(200); // the access log line is written when the exchange ends
        assertTrue(logged.stream().anyMatch(line -> line.contains("vigie.gateway.access") && line.contains("/api/accounts/events")),
                "the request is logged: " + logged);
        assertFalse(logged.stream().anyMatch(line -> line.contains(ticket)), "the ticket is in no log line: " + logged);
    }

    @Test
    void withoutATicketOrOffAStreamPathATokenIsStillNeeded() throws Exception {
        given().when().get("/api/accounts/events").then().statusCode(401);
        given().when().get("/api/accounts/official?ticket=anything").then().statusCode(401);
        assertNull(upstream.poll(300), "nothing reached the service");
    }
}
