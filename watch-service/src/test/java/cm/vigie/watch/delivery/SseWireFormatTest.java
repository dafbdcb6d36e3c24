package cm.vigie.watch.delivery;

import static cm.vigie.watch.WatchTestSupport.CM;
import static cm.vigie.watch.WatchTestSupport.VIEWER;
import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static cm.vigie.watch.WatchTestSupport.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The alert stream's bytes, line by line: an event carries only the fields of the SSE format (id, event, data,
 * retry) and comments. A {@code content-type:} line (what JAX-RS writes when an event's media type is set) is no SSE
 * field; browsers ignore it, but it showed up before every event in curl and through the gateway.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class SseWireFormatTest {

    private static final Set<String> SSE_FIELDS = Set.of("id", "event", "data", "retry");

    @Test
    void anAlertEventHasOnlySseFields() throws Exception {
        String marker = AlertDeliveryTest.marker(3);
        AlertDeliveryTest.hoax(marker);
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + RestAssured.port + "/api/watch/alerts/stream"))
                .header("Authorization", VIEWER).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        BlockingQueue<List<String>> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            List<String> lines = new ArrayList<>();
            try {
                response.body().forEach(line -> {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    } else if (lines.stream().anyMatch(l -> l.startsWith("data:"))) {
                        events.add(List.copyOf(lines));
                        lines.clear();
                    } else {
                        lines.clear();
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            as(CM).body(batch(mention(null, AlertDeliveryTest.claim(marker), "wire_format")))
                    .post("/api/watch/mentions/batch").then().statusCode(202);
            List<String> event = events.poll(AlertDeliveryTest.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(event, "the alert reaches the stream");
            for (String line : event) {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                assertTrue(colon == 0 || SSE_FIELDS.contains(field), "not an SSE field: '" + line + "' in " + event);
            }
            assertTrue(event.contains("event:ALERT_CREATED") || event.contains("event: ALERT_CREATED"), event::toString);
        } finally {
            response.body().close();
        }
    }
}
