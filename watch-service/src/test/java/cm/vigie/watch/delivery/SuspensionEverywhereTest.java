package cm.vigie.watch.delivery;

import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static cm.vigie.watch.WatchTestSupport.mention;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.watch.source.FeedServer;
import cm.vigie.watch.source.SourcePoller;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A suspension reaches what no request starts (issue 16 item 5): open streams end, polling, Meta pushes and webhook
 * deliveries stop, internal calls are refused; every stream ends at its token's expiry and resumes from
 * Last-Event-ID; reactivation resumes everything. Each test suspends an institution of its own in the stand-in
 * directory, so that no other test sees it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
@TestProfile(SuspensionEverywhereTest.Fast.class)
class SuspensionEverywhereTest {

    /** The directory refreshed every second, streams checked every second, webhook retries every second. */
    public static class Fast implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigie.institutions.max-age", "1s", "vigie.watch.stream.check-every", "1s",
                    "vigie.watch.webhooks.initial-backoff", "PT0.5S", "vigie.watch.webhooks.max-backoff", "PT1S",
                    "vigie.watch.webhooks.disable-after-failures", "100", "vigie.watch.webhooks.max-attempts", "100");
        }
    }

    static final Duration WAIT = Duration.ofSeconds(10);
    static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @Inject
    SourcePoller poller;

    @Inject
    WebhookBacklog backlog;

    private String slug;

    /** A fresh active institution for the test, once the service's directory knows it. */
    private String institution() throws InterruptedException {
        slug = "minsusp" + UUID.randomUUID().toString().substring(0, 8);
        IDP.institution(slug, "ACTIVE");
        String viewer = TestTokens.bearer(slug, "viewer", "viewer");
        within(WAIT, () -> given().header("Authorization", viewer).get("/api/watch/alerts").statusCode() == 200);
        return slug;
    }

    @AfterEach
    void forget() {
        if (slug != null) {
            IDP.institution(slug, null);
        }
    }

    private static String cm(String slug) {
        return TestTokens.bearer(slug, "cm", "community-manager");
    }

    /** Raises one HOAX alert for the institution: a hoax, then a mention restating it. */
    private static void raiseAlert(String bearer) {
        raiseAlert(bearer, 2);
    }

    /** Each wording is a different claim, so that alerts raised in one test do not join each other. */
    private static void raiseAlert(String bearer, int wording) {
        String marker = AlertDeliveryTest.marker(wording);
        as(bearer).body("{\"claims\":[\"" + AlertDeliveryTest.claim(marker) + "\"],\"verdict\":\"FALSE\",\"shared\":false}")
                .post("/api/watch/hoaxes").then().statusCode(201);
        as(bearer).body(batch(mention(null, AlertDeliveryTest.claim(marker), "fake_news_s")))
                .post("/api/watch/mentions/batch").then().statusCode(202);
    }

    /** Waits until the service's directory knows of the suspension (its API refuses the institution's token). */
    private static void seenSuspended(String bearer) throws InterruptedException {
        within(WAIT, () -> given().header("Authorization", bearer).get("/api/watch/alerts").statusCode() == 403);
    }

    /** Polls every 100 ms until the condition holds; answers the time it took. */
    private static Duration within(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant start = Instant.now();
        while (!condition.getAsBoolean()) {
            assertTrue(Duration.between(start, Instant.now()).compareTo(limit) < 0, "not within " + limit);
            Thread.sleep(100);
        }
        return Duration.between(start, Instant.now());
    }

    @Test
    void anOpenStreamOfASuspendedInstitutionEndsAndReopensAfterReactivation() throws Exception {
        String slug = institution();
        String viewer = TestTokens.bearer(slug, "viewer", "viewer");
        try (SseClient stream = new SseClient(viewer, null, null)) {
            assertEquals(200, stream.status);
            IDP.institution(slug, "SUSPENDED");
            SseClient.Event last = stream.next(WAIT);
            assertNotNull(last, "the stream says why it ends");
            assertEquals(StreamSession.STREAM_CLOSED, last.name());
            assertEquals("INSTITUTION_SUSPENDED", JsonPath.from(last.data()).getString("reason"));
            stream.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        try (SseClient refused = new SseClient(viewer, null, null)) {
            assertEquals(403, refused.status);
        }
        IDP.institution(slug, "ACTIVE");
        within(WAIT, () -> given().header("Authorization", viewer).get("/api/watch/alerts").statusCode() == 200);
        try (SseClient again = new SseClient(viewer, null, null)) {
            assertEquals(200, again.status);
            raiseAlert(cm(slug));
            SseClient.Event created = again.next(WAIT);
            assertNotNull(created);
            assertEquals("ALERT_CREATED", created.name());
        }
    }

    @Test
    void everyStreamEndsAtItsTokensExpiryAndResumesWithoutLossFromLastEventId() throws Exception {
        String slug = institution();
        String shortLived = "Bearer " + TestTokens.realm(slug).user("viewer").roles("viewer")
                .issuedAt(Instant.now(), Duration.ofSeconds(8)).sign();
        String first;
        Instant opened = Instant.now();
        try (SseClient stream = new SseClient(shortLived, null, null)) {
            assertEquals(200, stream.status);
            raiseAlert(cm(slug), 0);
            SseClient.Event created = stream.next(WAIT);
            assertEquals("ALERT_CREATED", created.name());
            first = created.id();
            SseClient.Event last = stream.next(WAIT);
            assertNotNull(last, "the stream ends at the token's expiry");
            assertEquals(StreamSession.STREAM_CLOSED, last.name());
            assertEquals(null, last.id(), "no id: the client's Last-Event-ID stays the last alert's");
            assertEquals("TOKEN_EXPIRED", JsonPath.from(last.data()).getString("reason"));
            stream.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Duration lived = Duration.between(opened, Instant.now());
            assertTrue(lived.compareTo(Duration.ofSeconds(6)) > 0 && lived.compareTo(Duration.ofSeconds(11)) < 0, lived.toString());
        }
        raiseAlert(cm(slug), 1);
        try (SseClient resumed = new SseClient(TestTokens.bearer(slug, "viewer", "viewer"), null, first)) {
            assertEquals(200, resumed.status);
            SseClient.Event missed = resumed.next(WAIT);
            assertNotNull(missed, "the alert raised while disconnected is replayed");
            assertEquals("ALERT_CREATED", missed.name());
            assertTrue(Long.parseLong(missed.id()) > Long.parseLong(first));
        }
    }

    @Test
    void webhookDeliveriesWaitWhileSuspendedAndGoOutOnReactivation() throws Exception {
        String slug = institution();
        String admin = TestTokens.bearer(slug, "admin", "institution-admin");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.status.set(503);
            as(admin).body("{\"url\":\"" + receiver.url("/hook") + "\",\"secret\":\"s3cret-suspension-" + slug + "\",\"eventTypes\":[\"ALERT_CREATED\"]}")
                    .post("/api/watch/webhooks").then().statusCode(201);
            raiseAlert(cm(slug));
            WebhookReceiver.Received refused = receiver.received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(refused, "a first attempt, refused by the receiver: the delivery stays pending");
            String deliveryId = JsonPath.from(new String(refused.body(), StandardCharsets.UTF_8)).getString("id");

            IDP.institution(slug, "SUSPENDED");
            seenSuspended(admin);
            Thread.sleep(1_500); // a dispatch already under way when the directory changed
            receiver.received.clear();
            receiver.status.set(200);
            assertEquals(null, receiver.received.poll(4, TimeUnit.SECONDS), "no attempt while suspended (retries were due every second)");
            backlog.refresh();
            assertEquals(1, backlog.held(), "held apart from the backlog that pages operators");

            IDP.institution(slug, "ACTIVE");
            WebhookReceiver.Received delivered = receiver.received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(delivered, "the pending delivery goes out after reactivation");
            assertEquals(deliveryId, JsonPath.from(new String(delivered.body(), StandardCharsets.UTF_8)).getString("id"));
            Thread.sleep(500); // the dispatcher records the delivery after the receiver answered
            backlog.refresh();
            assertEquals(0, backlog.held());
        }
    }

    @Test
    void sourcesOfASuspendedInstitutionAreNotPolledUntilReactivation() throws Exception {
        String slug = institution();
        String admin = TestTokens.bearer(slug, "admin", "institution-admin");
        try (FeedServer feeds = new FeedServer()) {
            feeds.mutable(slug, """
                    <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>S</title><link>https://s.example/</link><description>x</description>
                    <item><title>Un article pendant la suspension</title><link>https://s.example/1</link><guid>susp-1</guid><pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate><description>Texte.</description></item>
                    </channel></rss>""");
            String id = as(admin).body("{\"type\":\"RSS\",\"name\":\"Fil\",\"url\":\"%s\"}".formatted(feeds.url("/mutable/" + slug)))
                    .post("/api/watch/sources").then().statusCode(201).extract().path("id");
            IDP.institution(slug, "SUSPENDED");
            seenSuspended(admin);
            List<SourcePoller.Outcome> outcomes = poller.pollDue();
            assertTrue(outcomes.stream().noneMatch(o -> o.sourceId().toString().equals(id)), outcomes.toString());
            assertEquals(List.of(), feeds.hits("/mutable/" + slug), "the feed was not fetched");

            IDP.institution(slug, "ACTIVE");
            within(WAIT, () -> {
                poller.pollDue();
                return !feeds.hits("/mutable/" + slug).isEmpty();
            });
            assertEquals(1, feeds.hits("/mutable/" + slug).size(), "polled once after reactivation");
            as(admin).get("/api/watch/sources/" + id).then().statusCode(200).body("status.itemsCollected", equalTo(1));
        }
    }

    @Test
    void metaPushesForASuspendedInstitutionAreAcknowledgedAndDropped() throws Exception {
        String slug = institution();
        String admin = TestTokens.bearer(slug, "admin", "institution-admin");
        String pageId = String.valueOf(100000 + (long) (Math.random() * 1_000_000_000L));
        String secret = "app-secret-" + slug;
        String id = as(admin).body("""
                {"type":"META_PAGE","name":"Page","account":"%s","secret":"%s","verifyToken":"tok"}""".formatted(pageId, secret))
                .post("/api/watch/sources").then().statusCode(201).extract().path("id");
        String body = """
                {"object":"page","entry":[{"id":"%1$s","time":1795766400,"changes":[
                  {"field":"feed","value":{"from":{"id":"5550001","name":"Jean"},"item":"status","post_id":"%1$s_1","verb":"add","created_time":1795766300,"message":"Un message publié pendant la suspension"}}]}]}"""
                .formatted(pageId);
        IDP.institution(slug, "SUSPENDED");
        seenSuspended(admin);
        JsonPath dropped = JsonPath.from(push(id, secret, body));
        assertEquals(1, dropped.getInt("changes"));
        assertEquals(0, dropped.getInt("accepted"));
        assertEquals(1, dropped.getInt("ignored"));
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=00").body(body)
                .post("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(401);

        IDP.institution(slug, "ACTIVE");
        within(WAIT, () -> given().header("Authorization", admin).get("/api/watch/sources").statusCode() == 200);
        Thread.sleep(1_500);
        JsonPath accepted = JsonPath.from(push(id, secret, body));
        assertEquals(1, accepted.getInt("accepted"), "after reactivation the same post is new: nothing was stored before");
    }

    private static String push(String sourceId, String secret, String body) {
        return given().contentType(ContentType.JSON).header("X-Hub-Signature-256", sign(secret, body)).body(body)
                .post("/api/watch/sources/" + sourceId + "/meta-webhook").then().statusCode(200).extract().asString();
    }

    private static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void internalCallsForASuspendedOrUnknownInstitutionAre403() throws Exception {
        String slug = institution();
        String body = batch(mention(null, "Un message interne", "someone"));
        within(WAIT, () -> internal(slug, body).statusCode() == 202);
        IDP.institution(slug, "SUSPENDED");
        within(WAIT, () -> internal(slug, body).statusCode() == 403);
        internal(slug, body).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://vigie.cm/problems/institution-suspended"));
        internal("minghost", body).then().statusCode(403);
        IDP.institution(slug, "ACTIVE");
        within(WAIT, () -> internal(slug, body).statusCode() == 202);
    }

    private static io.restassured.response.Response internal(String institution, String body) {
        return given().header("X-Vigie-Service-Key", TestIdentityProvider.SERVICE_KEY).header("X-Vigie-Institution", institution)
                .contentType(ContentType.JSON).body(body).post("/internal/watch/mentions/batch");
    }
}
