package cm.vigie.watch.delivery;

import static cm.vigie.watch.WatchTestSupport.ANALYST;
import static cm.vigie.watch.WatchTestSupport.CM;
import static cm.vigie.watch.WatchTestSupport.OTHER_CM;
import static cm.vigie.watch.WatchTestSupport.VIEWER;
import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static cm.vigie.watch.WatchTestSupport.mention;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** HOAX alerts from ingestion to the SSE stream and signed webhooks, and the alert lifecycle. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class AlertDeliveryTest {

    static final String ADMIN = TestTokens.bearer("minsante", "admin", "institution-admin");
    static final Duration WAIT = Duration.ofSeconds(10);

    /** Registers a known hoax through the registry; its claim carries the marker so that tests do not overlap. */
    static UUID hoax(String marker) {
        String id = as(CM).body("{\"claims\":[\"" + claim(marker) + "\"],\"verdict\":\"FALSE\",\"debunkUrl\":\"https://www.minsante.cm/verif\",\"shared\":false}")
                .post("/api/watch/hoaxes").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** Each test gets its own wording (by the marker's first hex digit), so that no hoax restates another test's. */
    static String claim(String marker) {
        String[] claims = { "Le vaccin contre le paludisme rend les enfants stériles et le ministère cache la vérité",
                "Les billets de banque neufs transmettent une maladie mortelle selon un médecin de Douala",
                "Le gouvernement va couper internet pendant trois mois dans toutes les régions du pays",
                "Une pluie de sauterelles géantes va détruire toutes les récoltes du Nord cette semaine" };
        return claims[Character.digit(marker.charAt(marker.length() - 1), 16) % claims.length] + " " + marker;
    }

    static String marker(int wording) {
        String random = UUID.randomUUID().toString().replace("-", "");
        return "preuve" + random.substring(0, random.length() - 1) + wording;
    }

    @Test
    void aHoaxMentionRaisesAnAlertOnTheStreamAndTheWebhookAndItsLifecycleFollows() throws Exception {
        String marker = marker(0);
        UUID hoax = hoax(marker);
        try (WebhookReceiver receiver = new WebhookReceiver(); SseClient stream = new SseClient(VIEWER, "minSeverity=HIGH", null)) {
            assertEquals(200, stream.status);
            String secret = "s3cret-" + UUID.randomUUID();
            as(ADMIN).body("{\"url\":\"" + receiver.url("/hook") + "\",\"secret\":\"" + secret + "\",\"eventTypes\":[\"ALERT_CREATED\"]}")
                    .post("/api/watch/webhooks").then().statusCode(201).body("active", is(true));

            as(CM).body(batch(mention(null, claim(marker), "fake_news_1"),
                    mention(null, "PARTAGEZ 😡 " + claim(marker).toUpperCase() + " #vaccin", "fake_news_2"),
                    mention(null, "Rien à voir", "calm_user")))
                    .post("/api/watch/mentions/batch").then().statusCode(202).body("accepted", is(3));

            SseClient.Event created = stream.next(WAIT);
            assertNotNull(created, "the alert reaches the stream");
            assertEquals("ALERT_CREATED", created.name());
            JsonPath alert = JsonPath.from(created.data());
            assertEquals("HOAX", alert.getString("ruleType"));
            assertEquals(hoax.toString(), alert.getString("hoaxId"));
            assertEquals(2, alert.getInt("mentionCount"));
            assertEquals("OPEN", alert.getString("status"));
            assertNotNull(alert.getString("firstMentionPublishedAt"));
            String alertId = alert.getString("id");

            WebhookReceiver.Received delivery = receiver.received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(delivery, "the webhook is called");
            assertEquals(WebhookSigner.sign(secret, delivery.body()), delivery.headers().get("signature"));
            assertEquals("ALERT_CREATED", delivery.headers().get("event"));
            JsonPath posted = JsonPath.from(new String(delivery.body(), StandardCharsets.UTF_8));
            assertEquals(alertId, posted.getString("alert.id"));
            assertEquals(Long.parseLong(created.id()), posted.getLong("id"));

            as(VIEWER).queryParam("hoaxId", hoax.toString()).get("/api/watch/mentions").then().statusCode(200)
                    .body("total", is(2)).body("items[0].hoaxMatches[0].hoaxId", is(hoax.toString()))
                    .body("items[0].hoaxMatches[0].similarity", notNullValue());
            as(VIEWER).get("/api/watch/alerts/" + alertId + "/mentions").then().body("total", is(2));
            as(OTHER_CM).get("/api/watch/alerts/" + alertId).then().statusCode(404);
            as(VIEWER).post("/api/watch/alerts/" + alertId + "/acknowledge").then().statusCode(403);

            as(ANALYST).post("/api/watch/alerts/" + alertId + "/acknowledge").then().statusCode(200)
                    .body("status", is("ACKNOWLEDGED")).body("acknowledgedBy", is("analyst"))
                    .body("latencies.alertToAcknowledgedMs", notNullValue())
                    .body("latencies.ingestedToAlertMs", notNullValue());
            SseClient.Event acknowledged = stream.next(WAIT);
            assertEquals("ALERT_ACKNOWLEDGED", acknowledged.name());
            as(ANALYST).post("/api/watch/alerts/" + alertId + "/acknowledge").then().statusCode(409);
            as(CM).body("{\"note\":\"démenti publié\"}").post("/api/watch/alerts/" + alertId + "/resolve").then().statusCode(200)
                    .body("status", is("RESOLVED")).body("resolutionNote", is("démenti publié"));
            as(CM).body("{}").post("/api/watch/alerts/" + alertId + "/resolve").then().statusCode(409);
            assertEquals("ALERT_RESOLVED", stream.next(WAIT).name());

            // a resolved alert stays closed: the hoax coming back opens a new one
            as(CM).body(batch(mention(null, "encore: " + claim(marker), "fake_news_3"))).post("/api/watch/mentions/batch")
                    .then().statusCode(202);
            SseClient.Event reopened = stream.next(WAIT);
            assertEquals("ALERT_CREATED", reopened.name());
            assertTrue(!JsonPath.from(reopened.data()).getString("id").equals(alertId));
            as(VIEWER).queryParam("hoaxId", hoax.toString()).queryParam("ruleType", "HOAX").get("/api/watch/alerts")
                    .then().body("items", hasSize(2)).body("items.status", hasItem("RESOLVED"));

            // a client that missed events gets them again from Last-Event-ID
            try (SseClient late = new SseClient(VIEWER, null, created.id())) {
                assertEquals("ALERT_ACKNOWLEDGED", late.next(WAIT).name());
                assertEquals("ALERT_RESOLVED", late.next(WAIT).name());
                assertEquals(reopened.id(), late.next(WAIT).id());
            }
        }
    }

    @Test
    void theStreamIsOnlyForTheInstitutionAndItsRoles() throws Exception {
        String marker = marker(1);
        hoax(marker);
        try (SseClient other = new SseClient(OTHER_CM, null, null);
                SseClient operator = new SseClient(TestTokens.bearer("platform", "operator", "platform-admin"), null, null)) {
            assertEquals(403, operator.status);
            assertEquals(200, other.status);
            as(CM).body(batch(mention(null, claim(marker), "someone"))).post("/api/watch/mentions/batch").then().statusCode(202);
            assertNull(other.next(Duration.ofSeconds(2)), "another institution's alert never reaches this stream");
        }
        try (SseClient bad = new SseClient(VIEWER, null, "not-a-number")) {
            assertEquals(400, bad.status);
        }
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoffThenDisablesItself() throws Exception {
        String marker = marker(2);
        hoax(marker);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.status.set(500);
            String id = as(ADMIN).body("{\"url\":\"" + receiver.url("/down") + "\",\"secret\":\"0123456789abcdef\"}")
                    .post("/api/watch/webhooks").then().statusCode(201).extract().path("id");
            as(CM).body(batch(mention(null, claim(marker), "a"))).post("/api/watch/mentions/batch").then().statusCode(202);
            for (int i = 0; i < 3; i++) {
                assertNotNull(receiver.received.poll(WAIT.toSeconds(), TimeUnit.SECONDS), "attempt " + (i + 1));
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (as(ADMIN).get("/api/watch/webhooks/" + id).then().extract().<Boolean>path("active") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            as(ADMIN).get("/api/watch/webhooks/" + id).then().body("active", is(false))
                    .body("consecutiveFailures", is(3)).body("disabledReason", notNullValue());
            as(CM).get("/api/watch/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].attempts", is(3)).body("items[0].lastStatusCode", is(500))
                    .body("items[0].status", is("PENDING"));
            as(OTHER_CM).get("/api/watch/webhooks/" + id).then().statusCode(404);
        }
    }

    @Test
    void webhooksOnlyTakeHttpUrlsAndKnownEvents() {
        as(ADMIN).body("{\"url\":\"ftp://example.org/x\",\"secret\":\"0123456789abcdef\"}").post("/api/watch/webhooks")
                .then().statusCode(400).body("errors[0].field", is("url"));
        as(ADMIN).body("{\"url\":\"https://example.org/x\",\"secret\":\"0123456789abcdef\",\"eventTypes\":[\"NOPE\"]}")
                .post("/api/watch/webhooks").then().statusCode(400).body("errors[0].field", is("eventTypes[0]"));
        as(ADMIN).body("{\"url\":\"https://example.org/x\",\"secret\":\"short\"}").post("/api/watch/webhooks")
                .then().statusCode(400);
        as(CM).body("{\"url\":\"https://example.org/x\",\"secret\":\"0123456789abcdef\"}").post("/api/watch/webhooks")
                .then().statusCode(403);
    }
}
