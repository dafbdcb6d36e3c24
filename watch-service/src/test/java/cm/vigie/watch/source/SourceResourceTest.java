package cm.vigie.watch.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Sources through the API, feeds polled from a local server, mentions landing in ingestion. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class SourceResourceTest {

    static final String ADMIN = TestTokens.bearer("minsante", "admin-sante", "institution-admin");
    static final String VIEWER = TestTokens.bearer("minsante", "viewer-sante", "viewer");
    static final String OTHER = TestTokens.bearer("mincom", "cm-com", "community-manager");

    static FeedServer server;

    @Inject
    SourcePoller poller;

    @Inject
    AuditLog audit;

    @BeforeAll
    static void start() throws Exception {
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Response createRss(String bearer, String name, String path) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"type\":\"RSS\",\"name\":\"%s\",\"url\":\"%s\"}".formatted(name, server.url(path)))
                .post("/api/watch/sources");
    }

    static JsonPath poll(String bearer, String id) {
        return given().header("Authorization", bearer).post("/api/watch/sources/" + id + "/poll").then().statusCode(200)
                .extract().jsonPath();
    }

    static List<String> mentionIds(String bearer, String platform, String externalIdPrefix) {
        return given().header("Authorization", bearer).queryParam("platform", platform).queryParam("size", 100)
                .get("/api/watch/mentions").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.externalId").stream().filter(id -> id.startsWith(externalIdPrefix)).toList();
    }

    @Test
    void aFeedIsPolledIntoMentionsThenAskedConditionally() {
        Response created = createRss(ADMIN, "Actu Cameroun", "/feeds/wordpress-rss2.xml");
        created.then().statusCode(201).header("ETag", "\"0\"").body("type", equalTo("RSS"))
                .body("pollIntervalMinutes", equalTo(15)).body("active", equalTo(true))
                .body("status.nextPollAt", notNullValue()).body("webhookPath", nullValue());
        String id = created.jsonPath().getString("id");

        JsonPath first = poll(ADMIN, id);
        assertEquals(true, first.getBoolean("success"));
        assertEquals(3, first.getInt("accepted"));
        assertEquals(3, first.getInt("source.status.itemsCollected"));
        assertEquals(0, first.getInt("source.status.consecutiveFailures"));
        Instant next = Instant.parse(first.getString("source.status.nextPollAt"));
        Instant success = Instant.parse(first.getString("source.status.lastSuccessAt"));
        assertEquals(Duration.ofMinutes(15), Duration.between(success, next));
        assertEquals(3, mentionIds(VIEWER, "RSS", "https://actu-cameroun.example/?p=").size());

        JsonPath second = poll(ADMIN, id);
        assertEquals(true, second.getBoolean("notModified"));
        assertEquals(0, second.getInt("accepted"));
        assertEquals(3, second.getInt("source.status.itemsCollected"));
        assertTrue(server.hits("/feeds/wordpress-rss2.xml").getLast().headers().containsKey("If-None-Match"));

        given().header("Authorization", VIEWER).get("/api/watch/sources/" + id).then().statusCode(200)
                .body("status.itemsCollected", equalTo(3)).body("status.lastError", nullValue());
        assertEquals("SOURCE_CREATED", audit.history(SourceService.AUDIT_TARGET, UUID.fromString(id)).get(0).action);
    }

    @Test
    void aMalformedFeedRecordsItsErrorAndBacksOffExponentially() {
        String id = createRss(ADMIN, "Cut short", "/feeds/truncated.xml").jsonPath().getString("id");
        JsonPath first = poll(ADMIN, id);
        assertEquals(false, first.getBoolean("success"));
        assertTrue(first.getString("error").startsWith("malformed feed"), first.getString("error"));
        assertEquals(1, first.getInt("source.status.consecutiveFailures"));
        assertEquals(Duration.ofMinutes(1), wait(first));

        JsonPath second = poll(ADMIN, id);
        assertEquals(2, second.getInt("source.status.consecutiveFailures"));
        assertEquals(Duration.ofMinutes(2), wait(second));
        JsonPath third = poll(ADMIN, id);
        assertEquals(Duration.ofMinutes(4), wait(third));
        assertEquals(0, third.getInt("source.status.itemsCollected"));
        assertTrue(mentionIds(VIEWER, "RSS", "https://cut.example/").isEmpty(), "nothing of a broken feed is stored");
    }

    @Test
    void aPlatformsRetryAfterIsHonoured() {
        String id = createRss(ADMIN, "Busy", "/status/503").jsonPath().getString("id");
        JsonPath polled = poll(ADMIN, id);
        assertEquals("HTTP 503 from the feed", polled.getString("error"));
        assertEquals(Duration.ofMinutes(10), wait(polled));
    }

    @Test
    void theSchedulerPollsDueSourcesOnly() {
        server.mutable("scheduled", """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Scheduled</title><link>https://sched.example/</link><description>x</description>
                <item><title>Premier article du fil planifié</title><link>https://sched.example/1</link><guid>sched-1</guid><pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate><description>Le texte du premier article.</description></item>
                </channel></rss>""");
        String id = createRss(ADMIN, "Scheduled", "/mutable/scheduled").jsonPath().getString("id");
        List<SourcePoller.Outcome> outcomes = poller.pollDue();
        assertTrue(outcomes.stream().anyMatch(o -> o.sourceId().toString().equals(id) && o.success() && o.accepted() == 1),
                outcomes.toString());
        assertTrue(poller.pollDue().stream().noneMatch(o -> o.sourceId().toString().equals(id)), "not due again before 15 minutes");
        assertEquals(List.of("sched-1"), mentionIds(VIEWER, "RSS", "sched-"));
    }

    @Test
    void aFeedItemRestatingAKnownHoaxIsFlagged() {
        String hoax = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"claims":["Le sel iodé distribué dans les écoles rend les enfants stériles."],"verdict":"FALSE","shared":false}""")
                .post("/api/watch/hoaxes").then().statusCode(201).extract().jsonPath().getString("id");
        server.mutable("hoax", """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Rumeurs</title><link>https://rumeurs.example/</link><description>x</description>
                <item><title>VIRAL 😱 le sel iode distribue dans nos ecoles rend les enfants steriles !!!</title><link>https://rumeurs.example/sel</link><guid>rumeur-sel-1</guid><pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate><description>#Alerte partagez</description></item>
                <item><title>Le marché de Mokolo rouvre lundi</title><link>https://rumeurs.example/mokolo</link><guid>rumeur-marche-1</guid><pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate><description>Les commerçants reprennent leurs places.</description></item>
                </channel></rss>""");
        String id = createRss(ADMIN, "Rumeurs", "/mutable/hoax").jsonPath().getString("id");
        assertEquals(2, poll(ADMIN, id).getInt("accepted"));
        given().header("Authorization", VIEWER).queryParam("hoaxId", hoax).get("/api/watch/mentions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].externalId", equalTo("rumeur-sel-1"))
                .body("items[0].hoaxMatches[0].hoaxId", equalTo(hoax));
    }

    @Test
    void sourcesAreValidatedPerTypeAndSecretsNeverShown() {
        given().header("Authorization", ADMIN).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"type\":\"RSS\",\"name\":\"Sans URL\"}").post("/api/watch/sources")
                .then().statusCode(400).body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("obligatoire"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"TWITTER_V1\",\"name\":\"x\"}").post("/api/watch/sources")
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"META_PAGE\",\"name\":\"Page\",\"account\":\"my-page\"}").post("/api/watch/sources")
                .then().statusCode(400).body("errors.field", hasItem("account")).body("errors.field", hasItem("secret"))
                .body("errors.field", hasItem("verifyToken"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"RSS\",\"name\":\"x\",\"url\":\"https://a.example/feed\",\"pollIntervalMinutes\":1}")
                .post("/api/watch/sources").then().statusCode(400).body("errors[0].field", equalTo("pollIntervalMinutes"));

        Response meta = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"type":"META_PAGE","name":"Page MinSanté","account":"104857392011","secret":"s3cret","verifyToken":"tok"}""")
                .post("/api/watch/sources");
        meta.then().statusCode(201).body("secretSet", equalTo(true)).body("verifyTokenSet", equalTo(true))
                .body("secret", nullValue()).body("verifyToken", nullValue())
                .body("webhookPath", equalTo("/api/watch/sources/" + meta.jsonPath().getString("id") + "/meta-webhook"))
                .body("status.nextPollAt", nullValue());
        assertTrue(!meta.asString().contains("s3cret"));
        given().header("Authorization", ADMIN).post("/api/watch/sources/" + meta.jsonPath().getString("id") + "/poll")
                .then().statusCode(409);
    }

    @Test
    void updatesKeepSecretsNeedIfMatchAndCannotChangeTheType() {
        Response meta = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"type":"META_PAGE","name":"Page","account":"104857392012","secret":"s3cret","verifyToken":"tok"}""")
                .post("/api/watch/sources");
        String id = meta.jsonPath().getString("id");
        String rename = "{\"type\":\"META_PAGE\",\"name\":\"Page renommée\",\"account\":\"104857392012\"}";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(rename).put("/api/watch/sources/" + id)
                .then().statusCode(428);
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(rename)
                .put("/api/watch/sources/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Page renommée")).body("secretSet", equalTo(true));
        given().header("Authorization", ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"type\":\"RSS\",\"name\":\"x\",\"url\":\"https://a.example/feed\"}").put("/api/watch/sources/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().header("Authorization", VIEWER).delete("/api/watch/sources/" + id).then().statusCode(403);
        given().header("Authorization", ADMIN).delete("/api/watch/sources/" + id).then().statusCode(204);
        given().header("Authorization", ADMIN).get("/api/watch/sources/" + id).then().statusCode(404);
    }

    @Test
    void anotherInstitutionNeitherSeesNorPollsASource() {
        String id = createRss(ADMIN, "Privée", "/feeds/rdf-rss1.xml").jsonPath().getString("id");
        given().header("Authorization", OTHER).get("/api/watch/sources/" + id).then().statusCode(404);
        given().header("Authorization", OTHER).post("/api/watch/sources/" + id + "/poll").then().statusCode(404);
        given().header("Authorization", OTHER).queryParam("size", 100).get("/api/watch/sources").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        given().header("Authorization", VIEWER).queryParam("type", "RSS").queryParam("size", 100).get("/api/watch/sources")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    private static Duration wait(JsonPath polled) {
        return Duration.between(Instant.parse(polled.getString("source.status.lastErrorAt")),
                Instant.parse(polled.getString("source.status.nextPollAt")));
    }
}
