package cm.vigie.watch.source.meta;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Meta calls without a token: the verify token and the app-secret signature are all that stand in the way. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class MetaWebhookTest {

    static final String ADMIN = TestTokens.bearer("minsante", "admin-sante", "institution-admin");
    static final String VIEWER = TestTokens.bearer("minsante", "viewer-sante", "viewer");
    static final String SECRET = "app-secret-minsante";

    String id;
    String pageId;

    @BeforeEach
    void aPageSource() {
        pageId = String.valueOf(100000 + (long) (Math.random() * 1_000_000_000L));
        id = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"type":"META_PAGE","name":"Page MinSanté","account":"%s","secret":"%s","verifyToken":"tok-123"}"""
                .formatted(pageId, SECRET)).post("/api/watch/sources").then().statusCode(201).extract().jsonPath().getString("id");
    }

    String delivery(String suffix) {
        return """
                {"object":"page","entry":[
                  {"id":"%1$s","time":1795766400,"changes":[
                    {"field":"feed","value":{"from":{"id":"5550001","name":"Jean Mballa"},"item":"status","post_id":"%1$s_9%2$s","verb":"add","created_time":1795766300,"message":"Est-ce vrai que le vaccin contient une puce ?"}},
                    {"field":"feed","value":{"from":{"id":"5550002","name":"Awa Bello"},"item":"comment","post_id":"%1$s_9%2$s","comment_id":"9%2$s_77","parent_id":"%1$s_9%2$s","verb":"add","created_time":1795766390,"message":"Le vaccin contient une puce 5G pour nous surveiller 😡"}},
                    {"field":"feed","value":{"from":{"id":"5550003","name":"X"},"item":"reaction","post_id":"%1$s_9%2$s","verb":"add","reaction_type":"like"}}
                  ]},
                  {"id":"999","time":1795766400,"changes":[
                    {"field":"feed","value":{"item":"status","post_id":"999_1%2$s","verb":"add","message":"Another page's post"}}
                  ]}
                ]}""".formatted(pageId, suffix);
    }

    static List<String> facebookIds(String prefix) {
        return given().header("Authorization", VIEWER).queryParam("platform", "FACEBOOK").queryParam("size", 100)
                .get("/api/watch/mentions").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.externalId").stream().filter(id -> id.startsWith(prefix)).toList();
    }

    @Test
    void theHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "tok-123").queryParam("hub.challenge", "1158201444")
                .get("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wrong").queryParam("hub.challenge", "1")
                .get("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(403).contentType("application/problem+json");
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", "tok-123").queryParam("hub.challenge", "1")
                .get("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(403);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "tok-123").queryParam("hub.challenge", "1")
                .get("/api/watch/sources/" + UUID.randomUUID() + "/meta-webhook").then().statusCode(404);
    }

    @Test
    void aSignedDeliveryBecomesMentionsOfThePage() {
        String body = delivery("1");
        JsonPath receipt = given().contentType(ContentType.JSON).header("X-Hub-Signature-256",
                MetaSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8))).body(body)
                .post("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(200).extract().jsonPath();
        assertEquals(4, receipt.getInt("changes"));
        assertEquals(2, receipt.getInt("accepted"));
        assertEquals(2, receipt.getInt("ignored"));
        assertEquals(List.of(pageId + "_91"), facebookIds(pageId));
        given().header("Authorization", VIEWER).queryParam("platform", "FACEBOOK").queryParam("author", "5550002")
                .get("/api/watch/mentions").then().statusCode(200)
                .body("items.find { it.externalId == '91_77' }.inReplyTo", equalTo(pageId + "_91"))
                .body("items.find { it.externalId == '91_77' }.author.displayName", equalTo("Awa Bello"));
        given().header("Authorization", VIEWER).get("/api/watch/sources/" + id).then()
                .body("status.itemsCollected", equalTo(2)).body("status.lastSuccessAt", org.hamcrest.Matchers.notNullValue());

        JsonPath replay = given().contentType(ContentType.JSON).header("X-Hub-Signature-256",
                MetaSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8))).body(body)
                .post("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(200).extract().jsonPath();
        assertEquals(0, replay.getInt("accepted"));
        assertEquals(2, replay.getInt("duplicates"));
    }

    @Test
    void aBadSignatureAnswers401AndStoresNothing() {
        String body = delivery("2");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", MetaSignature.sign("another-secret", bytes))
                .body(body).post("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).post("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=zz").body(body)
                .post("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(401);
        String tampered = body.replace("Jean Mballa", "Jean Mbala");
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", MetaSignature.sign(SECRET, bytes)).body(tampered)
                .post("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(401);
        assertEquals(List.of(), facebookIds(pageId));
        given().header("Authorization", VIEWER).get("/api/watch/sources/" + id).then().body("status.itemsCollected", equalTo(0))
                .body("status.lastSuccessAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aSignedButUnreadableDeliveryIs400() {
        String body = "{not json";
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256",
                MetaSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8))).body(body)
                .post("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(400);
    }

    @Test
    void aPausedSourceReceivesNothing() {
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("""
                {"type":"META_PAGE","name":"Page","account":"%s","active":false}""".formatted(pageId))
                .put("/api/watch/sources/" + id).then().statusCode(200).body("active", equalTo(false));
        String body = delivery("3");
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256",
                MetaSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8))).body(body)
                .post("/api/watch/sources/" + id + "/meta-webhook").then().statusCode(404);
    }
}
