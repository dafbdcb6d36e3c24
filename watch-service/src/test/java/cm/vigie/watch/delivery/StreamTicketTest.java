package cm.vigie.watch.delivery;

import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static cm.vigie.watch.WatchTestSupport.mention;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Stream tickets: single use, expiry, bound to their buyer's institution and roles; a replayed ticket is refused. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class StreamTicketTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @Inject
    DataSource dataSource;

    private final java.util.List<String> slugs = new java.util.ArrayList<>();

    private String institution() throws InterruptedException {
        String slug = "wticket" + UUID.randomUUID().toString().substring(0, 8);
        slugs.add(slug);
        IDP.institution(slug, "ACTIVE");
        String viewer = TestTokens.bearer(slug, "viewer", "viewer");
        Instant deadline = Instant.now().plus(WAIT);
        while (given().header("Authorization", viewer).get("/api/watch/alerts").statusCode() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "the directory knows " + slug);
            Thread.sleep(100);
        }
        return slug;
    }

    @AfterEach
    void forget() {
        slugs.forEach(slug -> IDP.institution(slug, null));
        slugs.clear();
    }

    static JsonPath ticket(String bearer) {
        return JsonPath.from(given().header("Authorization", bearer).post("/api/watch/alerts/stream-tickets")
                .then().statusCode(201).extract().asString());
    }

    static String query(String ticket) {
        return "ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8);
    }

    /** A stream opened the way a browser's EventSource does: the ticket in the query, no Authorization header. */
    static SseClient open(String ticket) throws Exception {
        return new SseClient(null, query(ticket), null);
    }

    /** One HOAX alert for the institution of the bearer: a hoax, then a mention restating it. */
    static void raiseAlert(String bearer, int wording) {
        String marker = AlertDeliveryTest.marker(wording);
        as(bearer).body("{\"claims\":[\"" + AlertDeliveryTest.claim(marker) + "\"],\"verdict\":\"FALSE\",\"shared\":false}")
                .post("/api/watch/hoaxes").then().statusCode(201);
        as(bearer).body(batch(mention(null, AlertDeliveryTest.claim(marker), "fake_news_s")))
                .post("/api/watch/mentions/batch").then().statusCode(202);
    }

    @Test
    void aTicketOpensTheStreamOnceWithoutAHeaderAndNeverAgain() throws Exception {
        String slug = institution();
        JsonPath issued = ticket(TestTokens.bearer(slug, "vera", "viewer"));
        String ticket = issued.getString("ticket");
        assertTrue(ticket.length() >= 40, "256 random bits: " + ticket);
        Instant expiresAt = Instant.parse(issued.getString("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now()) && expiresAt.isBefore(Instant.now().plusSeconds(31)), "30 s by default: " + expiresAt);
        try (SseClient stream = open(ticket)) {
            assertEquals(200, stream.status);
            try (SseClient replay = open(ticket)) {
                assertEquals(401, replay.status, "single use, even while the first stream is open");
            }
        }
        try (SseClient replay = open(ticket)) {
            assertEquals(401, replay.status, "single use after the stream ended");
        }
        try (SseClient unknown = open("not-a-ticket-" + UUID.randomUUID())) {
            assertEquals(401, unknown.status);
        }
    }

    @Test
    void anExpiredTicketIsRefused() throws Exception {
        String slug = institution();
        String ticket = ticket(TestTokens.bearer(slug, "vera", "viewer")).getString("ticket");
        try (Connection c = dataSource.getConnection(); PreparedStatement expire = c.prepareStatement(
                "UPDATE alert_stream_ticket SET expires_at = now() - interval '1 second' WHERE hash = ?")) {
            expire.setBytes(1, java.security.MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
            assertEquals(1, expire.executeUpdate());
        }
        try (SseClient stream = open(ticket)) {
            assertEquals(401, stream.status);
        }
    }

    @Test
    void theTicketsStreamCarriesItsInstitutionsAlertsOnly() throws Exception {
        String mine = institution();
        String other = institution();
        String ticket = ticket(TestTokens.bearer(mine, "vera", "viewer")).getString("ticket");
        try (SseClient stream = open(ticket)) {
            assertEquals(200, stream.status);
            raiseAlert(TestTokens.bearer(other, "cm", "community-manager"), 1);
            assertNull(stream.next(Duration.ofSeconds(3)), "another institution's alert never reaches the stream");
            raiseAlert(TestTokens.bearer(mine, "cm", "community-manager"), 2);
            SseClient.Event created = stream.next(WAIT);
            assertNotNull(created, "its own institution's alert arrives");
            assertEquals("ALERT_CREATED", created.name());
            assertEquals("HOAX", JsonPath.from(created.data()).getString("ruleType"));
        }
    }

    @Test
    void onlyTheStreamsRolesMayBuyATicketAndATokenIsNeeded() {
        given().post("/api/watch/alerts/stream-tickets").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.realm("platform").user("op").roles("platform-admin").sign())
                .post("/api/watch/alerts/stream-tickets").then().statusCode(403);
        as(TestTokens.bearer("minsante", "vera", "viewer")).post("/api/watch/alerts/stream-tickets").then().statusCode(201);
    }
}
