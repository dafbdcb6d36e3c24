package cm.vigie.watch.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.quota.Quotas;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Concurrent alert streams, per user and per institution: one more than the quota answers 429 naming it. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class StreamQuotaTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> refused(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/watch/alerts/stream"))
                .header("Authorization", token).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oneStreamMoreThanTheUserOrInstitutionQuotaAnswers429AndAClosedStreamGivesItsSlotBack() throws Exception {
        cm.vigie.watch.WatchTestSupport.institution("wstream", new Quotas(200, 2000, 200, 20, 500, 3, 2, 3));
        String alice = TestTokens.bearer("wstream", "alice", "viewer");
        String bob = TestTokens.bearer("wstream", "bob", "analyst");
        String carol = TestTokens.bearer("wstream", "carol", "viewer");
        try (SseClient a1 = new SseClient(alice, null, null); SseClient a2 = new SseClient(alice, null, null)) {
            assertEquals(200, a1.status);
            assertEquals(200, a2.status);

            HttpResponse<String> third = refused(alice);
            assertEquals(429, third.statusCode());
            assertTrue(third.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonPath problem = JsonPath.from(third.body());
            assertEquals("alertStreamsPerUser", problem.getString("quota"));
            assertEquals(2, problem.getInt("limit"));
            assertTrue(problem.getString("type").endsWith("/concurrency-quota-exceeded"));

            try (SseClient b1 = new SseClient(bob, null, null)) {
                assertEquals(200, b1.status);
                HttpResponse<String> overInstitution = refused(carol);
                assertEquals(429, overInstitution.statusCode());
                assertEquals("alertStreams", JsonPath.from(overInstitution.body()).getString("quota"));
                assertEquals(3, JsonPath.from(overInstitution.body()).getInt("limit"));
            }
            // another institution's streams do not count against wstream's, nor the reverse
            try (SseClient other = new SseClient(TestTokens.bearer("mincom", "alice", "viewer"), null, null)) {
                assertEquals(200, other.status);
            }
        }
        // the server notices closed streams at the next heartbeat (15 s) and gives their slots back
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        boolean reopened = false;
        while (!reopened && Instant.now().isBefore(deadline)) {
            try (SseClient c1 = new SseClient(carol, null, null); SseClient a3 = new SseClient(alice, null, null);
                    SseClient a4 = new SseClient(alice, null, null)) {
                reopened = c1.status == 200 && a3.status == 200 && a4.status == 200;
            }
            if (!reopened) {
                Thread.sleep(1000);
            }
        }
        assertTrue(reopened, "slots of closed streams are given back");
    }
}
