package cm.vigie.watch.source;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A source created on any replica is polled at once by a replica told of it, not at the next tick: under this profile
 * no tick and no version check ever run, so only the announcement can start the poll.
 */
@QuarkusTest
@TestProfile(SourcePropagationTest.NotificationOnly.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class SourcePropagationTest {

    public static class NotificationOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigie.watch.sources.schedule", "true", "quarkus.scheduler.enabled", "false",
                    "vigie.cluster.version-check", "1h");
        }
    }

    private static String lastSuccess(String bearer, String id) {
        return given().header("Authorization", bearer).get("/api/watch/sources/" + id).then().statusCode(200).extract()
                .path("status.lastSuccessAt");
    }

    @Test
    void aNewSourceIsPolledAtOnceByTheReplicasToldOfIt() throws Exception {
        String admin = TestTokens.bearer("minsante", "admin", "institution-admin");
        try (FeedServer server = new FeedServer()) {
            String id = given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body("{\"type\":\"RSS\",\"name\":\"Propagation\",\"url\":\"%s\"}"
                            .formatted(server.url("/feeds/wordpress-rss2.xml")))
                    .post("/api/watch/sources").then().statusCode(201).extract().path("id");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (lastSuccess(admin, id) == null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertNotNull(lastSuccess(admin, id), "the new source was not polled");
            assertFalse(server.hits("/feeds/wordpress-rss2.xml").isEmpty());
        }
    }
}
