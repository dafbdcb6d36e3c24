package cm.vigie.accounts.official.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Proving ownership of official accounts: the code, the connector, the operators' queue, the resemblance rule. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class VerificationResourceTest {

    static final String OPERATOR = AccountsTestSupport.OPERATOR;
    static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @ConfigProperty(name = "vigie.official-verification.facebook.graph-url")
    String graphUrl;

    @Inject
    EntityManager entityManager;

    static String cm(String realm) {
        AccountsTestSupport.ensureInstitution(realm);
        return TestTokens.bearer(realm, "cm", "community-manager");
    }

    static String create(String token, String platform, String handle, String displayName) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("platform", platform, "handle", handle, "displayName", displayName))
                .post("/api/accounts/official").then().statusCode(201)
                .body("verification", equalTo("PENDING_VERIFICATION")).body("status", equalTo("ACTIVE"))
                .body("verifiedAt", nullValue())
                .extract().path("id");
    }

    static String code(String token, String id) {
        return given().header("Authorization", token).post("/api/accounts/official/{id}/verification", id)
                .then().statusCode(200).body("code", matchesPattern("VIGIE-[A-Z2-9]{10}"))
                .body("expiresAt", notNullValue()).extract().path("code");
    }

    static io.restassured.response.Response check(String token, String id, String evidence) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("evidenceUrl", evidence)).post("/api/accounts/official/{id}/verification/check", id);
    }

    static JsonPath publicCheck(String platform, String handle) {
        return citizen().queryParam("platform", platform).queryParam("handle", handle).get("/api/public/verify")
                .then().statusCode(200).extract().jsonPath();
    }

    static RequestSpecification citizen() {
        return given().header("X-Forwarded-For", "198.51.100." + (100 + ADDRESSES.getAndIncrement() % 150));
    }

    /** Puts the text on the page the fake Graph API serves. */
    void page(String handle, String about) {
        given().contentType(ContentType.JSON).body(Map.of("about", about, "mode", "ok"))
                .put(graphUrl.replace("/" + "v21.0", "") + "/_pages/" + handle).then().statusCode(204);
    }

    List<Map<String, Object>> queue(String state) {
        return given().header("Authorization", OPERATOR).queryParam("size", 100).queryParam("state", state)
                .get("/api/institutions/verifications").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void aNewAccountIsPendingUntilTheConnectorFindsItsCodeOnThePage() {
        String cm = cm("vlife");
        String id = create(cm, "FACEBOOK", "VigieLifePage", "Bureau des essais Vigie Life");
        assertEquals(false, publicCheck("FACEBOOK", "VigieLifePage").getBoolean("official"));

        check(cm, id, "https://www.facebook.com/VigieLifePage").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("code"));
        String first = code(cm, id);
        String second = code(cm, id);
        assertNotEquals(first, second, "a new code replaces the previous one");
        String expiresAt = given().header("Authorization", cm).get("/api/accounts/official/{id}/verification", id)
                .then().statusCode(200).body("code", equalTo(second)).body("state", equalTo("CHALLENGED"))
                .extract().path("expiresAt");
        Duration ttl = Duration.between(Instant.now(), Instant.parse(expiresAt));
        assertTrue(ttl.compareTo(Duration.ofHours(71)) > 0 && ttl.compareTo(Duration.ofHours(73)) < 0, "72 h: " + ttl);

        page("vigielifepage", "Page officielle du bureau. " + first);
        check(cm, id, "https://www.facebook.com/VigieLifePage").then().statusCode(200)
                .body("state", equalTo("QUEUED")).body("check", equalTo("CODE_NOT_FOUND"));
        // The old code on the page proved nothing; a fresh code, on the page this time, does.
        String third = code(cm, id);
        page("vigielifepage", "Page officielle du bureau. " + third.toLowerCase());
        check(cm, id, "https://www.facebook.com/VigieLifePage").then().statusCode(200)
                .body("state", equalTo("VERIFIED")).body("check", equalTo("CODE_FOUND"))
                .body("decidedBy", equalTo("connector")).body("operatorReviewRequired", equalTo(false));
        given().header("Authorization", cm).get("/api/accounts/official/{id}", id).then().statusCode(200)
                .body("verification", equalTo("VERIFIED")).body("verifiedAt", notNullValue());
        JsonPath official = publicCheck("FACEBOOK", "@VigieLifePage");
        assertEquals(true, official.getBoolean("official"));
        assertEquals("vlife", official.getString("institution.slug"));

        check(cm, id, "https://www.facebook.com/VigieLifePage").then().statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", cm).header("Accept-Language", "fr")
                .post("/api/accounts/official/{id}/verification", id).then().statusCode(409)
                .body("detail", equalTo("Ce compte officiel est déjà vérifié."));
        given().header("Authorization", cm).get("/api/accounts/official/{id}/history", id).then().statusCode(200)
                .body("items.action", hasItems("OFFICIAL_ACCOUNT_CREATED", "OFFICIAL_ACCOUNT_VERIFICATION_CODE_ISSUED",
                        "OFFICIAL_ACCOUNT_VERIFICATION_SUBMITTED", "OFFICIAL_ACCOUNT_VERIFIED"));

        // Renamed: whatever was proven was about another identity.
        String etag = given().header("Authorization", cm).get("/api/accounts/official/{id}", id).header("ETag");
        given().header("Authorization", cm).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("platform", "FACEBOOK", "handle", "VigieLifeRenamed", "displayName", "Bureau des essais Vigie Life"))
                .put("/api/accounts/official/{id}", id).then().statusCode(200)
                .body("verification", equalTo("PENDING_VERIFICATION")).body("verifiedAt", nullValue());
        assertEquals(false, publicCheck("FACEBOOK", "VigieLifeRenamed").getBoolean("official"));
        given().header("Authorization", cm).get("/api/accounts/official/{id}/verification", id).then().statusCode(404);
    }

    @Test
    void anExpiredCodeAnswers422() {
        String cm = cm("vexpiry");
        String id = create(cm, "X", "vexpiry_page", "Bureau des délais Vigie");
        code(cm, id);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update official_account_verification set code_expires_at = now() - interval '1 minute' where account_id = cast(?1 as uuid)")
                .setParameter(1, id).executeUpdate());
        check(cm, id, "https://x.com/vexpiry_page").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("expired"));
        given().header("Authorization", cm).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body(Map.of("evidenceUrl", "https://x.com/vexpiry_page"))
                .post("/api/accounts/official/{id}/verification/check", id).then().statusCode(422)
                .body("detail", containsString("expiré"));
        check(cm, id, "not a url").then().statusCode(400).body("errors.field", hasItem("evidenceUrl"));
    }

    @Test
    void withoutAConnectorTheClaimWaitsForAnOperatorWhoDecidesWithAReason() {
        String cm = cm("vqueue");
        String admin = TestTokens.bearer("vqueue", "boss", "institution-admin");
        String id = create(cm, "X", "vqueue_office", "Bureau de la file Vigie");
        String code = code(cm, id);
        String claim = check(cm, id, "https://x.com/vqueue_office/status/1").then().statusCode(200)
                .body("state", equalTo("QUEUED")).body("check", equalTo("NO_CONNECTOR"))
                .extract().path("id");
        check(cm, id, "https://x.com/vqueue_office/status/2").then().statusCode(409);
        assertEquals(false, publicCheck("X", "vqueue_office").getBoolean("official"));

        Map<String, Object> item = queue("QUEUED").stream().filter(i -> claim.equals(i.get("id"))).findFirst().orElseThrow();
        assertEquals(code, item.get("code"));
        assertEquals("https://x.com/vqueue_office/status/1", item.get("evidenceUrl"));
        assertEquals("vqueue", ((Map<?, ?>) item.get("institution")).get("slug"));
        assertEquals("vqueue_office", ((Map<?, ?>) item.get("account")).get("handle"));
        assertEquals("cm", item.get("submittedBy"));

        // Only operators see or decide the queue.
        given().header("Authorization", admin).get("/api/institutions/verifications").then().statusCode(403);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("reason", "mine"))
                .post("/api/institutions/verifications/{id}/approve", claim).then().statusCode(403);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{}")
                .post("/api/institutions/verifications/{id}/approve", claim).then().statusCode(400);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/institutions/verifications/{id}/approve", java.util.UUID.randomUUID()).then().statusCode(404);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("reason", "The post shows no code"))
                .post("/api/institutions/verifications/{id}/reject", claim).then().statusCode(200)
                .body("state", equalTo("REJECTED")).body("decidedBy", equalTo("operator"))
                .body("decisionReason", equalTo("The post shows no code"));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "changed my mind"))
                .post("/api/institutions/verifications/{id}/approve", claim).then().statusCode(409);
        given().header("Authorization", cm).get("/api/accounts/official/{id}", id).then()
                .body("verification", equalTo("REJECTED"));
        assertEquals(false, publicCheck("X", "vqueue_office").getBoolean("official"));
        assertTrue(queue("REJECTED").stream().anyMatch(i -> claim.equals(i.get("id"))));

        // A new try: back to pending, queued again, approved.
        code(cm, id);
        given().header("Authorization", cm).get("/api/accounts/official/{id}", id).then()
                .body("verification", equalTo("PENDING_VERIFICATION"));
        String again = check(cm, id, "https://x.com/vqueue_office/status/3").then().statusCode(200).extract().path("id");
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("reason", "Code seen in the pinned post"))
                .post("/api/institutions/verifications/{id}/approve", again).then().statusCode(200)
                .body("state", equalTo("VERIFIED"));
        assertEquals(true, publicCheck("X", "vqueue_office").getBoolean("official"));
        var history = given().header("Authorization", cm).get("/api/accounts/official/{id}/history?size=100", id)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> decisions = history.getList("items.findAll { it.actor == 'operator' }");
        assertEquals(List.of("OFFICIAL_ACCOUNT_VERIFICATION_REJECTED", "OFFICIAL_ACCOUNT_VERIFIED"),
                decisions.stream().map(d -> d.get("action")).toList());
        assertEquals("The post shows no code", decisions.get(0).get("reason"));
        assertEquals("Code seen in the pinned post", decisions.get(1).get("reason"));
        assertTrue(decisions.stream().allMatch(d -> d.get("at") != null));
    }

    @Test
    void aLookalikeOfAnotherInstitutionsAccountIsNeverVerifiedByTheConnectorAlone() {
        String victim = cm("rsante");
        String victimId = create(victim, "FACEBOOK", "RadioSanteCM", "Agence de Radioprotection du Vigieland");
        page("radiosantecm", "Compte officiel. " + code(victim, victimId));
        check(victim, victimId, "https://www.facebook.com/RadioSanteCM").then().statusCode(200)
                .body("state", equalTo("VERIFIED"));

        // Another institution's community manager registers the look-alike: created, pending, not official.
        String attacker = cm("rcom");
        String id = create(attacker, "FACEBOOK", "radiosante.officiel", "Agence de Radioprotection du Vigieland");
        JsonPath pending = publicCheck("FACEBOOK", "radiosante.officiel");
        assertEquals(false, pending.getBoolean("official"));
        assertEquals(null, (Object) pending.get("institution"));
        List<Map<String, Object>> resembles = pending.getList("resembles");
        assertTrue(resembles.stream().anyMatch(r -> "radiosantecm".equals(r.get("handle"))
                && "FACEBOOK".equals(r.get("platform"))
                && "Agence de Radioprotection du Vigieland".equals(r.get("displayName"))
                && "rsante".equals(((Map<?, ?>) r.get("institution")).get("slug"))
                && "Institution rsante".equals(((Map<?, ?>) r.get("institution")).get("name"))), "resembles: " + resembles);

        // The attacker controls the look-alike page and puts the code there: the connector finds it, yet only an
        // operator may decide.
        page("radiosante.officiel", "Page officielle " + code(attacker, id));
        String claim = check(attacker, id, "https://www.facebook.com/radiosante.officiel").then().statusCode(200)
                .body("state", equalTo("QUEUED")).body("check", equalTo("CODE_FOUND"))
                .body("operatorReviewRequired", equalTo(true))
                .body("resembles.handle", hasItem("radiosantecm"))
                .extract().path("id");
        assertEquals(false, publicCheck("FACEBOOK", "radiosante.officiel").getBoolean("official"));
        Map<String, Object> item = queue("QUEUED").stream().filter(i -> claim.equals(i.get("id"))).findFirst().orElseThrow();
        assertTrue(((List<?>) item.get("resembles")).stream().anyMatch(r -> "rsante".equals(((Map<?, ?>) r).get("institution"))
                && "OFFICIAL_ACCOUNT".equals(((Map<?, ?>) r).get("kind"))), "queue item: " + item);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("reason", "Imitates the Agence de Radioprotection"))
                .post("/api/institutions/verifications/{id}/reject", claim).then().statusCode(200);
        assertEquals(false, publicCheck("FACEBOOK", "radiosante.officiel").getBoolean("official"));
        // The victim's own account is still official and resembles nothing.
        JsonPath real = publicCheck("FACEBOOK", "RadioSanteCM");
        assertEquals(true, real.getBoolean("official"));
        assertEquals(0, real.getList("resembles").size());
    }

    @Test
    void aLookalikeOfAnotherInstitutionsProtectedPersonNeedsAnOperatorToo() {
        String victim = cm("psante");
        given().header("Authorization", victim).contentType(ContentType.JSON).body("""
                {"fullName":"Aurelien Ndjock Vigielandais","aliases":["Dr Ndjock"],"titles":["Ministre de la Recherche du Vigieland"],
                 "handles":[{"platform":"X","handle":"@DrNdjockV"}],"photoHashes":[]}""")
                .post("/api/accounts/persons").then().statusCode(201);
        String attacker = cm("pcom");
        String id = create(attacker, "FACEBOOK", "aurelien.ndjock.vigielandais", "Aurelien Ndjock Vigielandais");
        page("aurelien.ndjock.vigielandais", code(attacker, id));
        String claim = check(attacker, id, "https://www.facebook.com/aurelien.ndjock.vigielandais").then().statusCode(200)
                .body("state", equalTo("QUEUED")).body("check", equalTo("CODE_FOUND"))
                .body("operatorReviewRequired", equalTo(true))
                // another institution's protected persons are not named to the claimant
                .body("resembles", hasSize(0))
                .extract().path("id");
        Map<String, Object> item = queue("QUEUED").stream().filter(i -> claim.equals(i.get("id"))).findFirst().orElseThrow();
        assertTrue(((List<?>) item.get("resembles")).stream().anyMatch(r -> "PROTECTED_PERSON".equals(((Map<?, ?>) r).get("kind"))
                && "psante".equals(((Map<?, ?>) r).get("institution"))), "queue item: " + item);
    }

    @Test
    void theSameInstitutionsOtherAccountsAreNoResemblance() {
        String cm = cm("vsame");
        String first = create(cm, "FACEBOOK", "VigieSameCM", "Office Vigie du Même Nom");
        page("vigiesamecm", code(cm, first));
        check(cm, first, "https://www.facebook.com/VigieSameCM").then().statusCode(200).body("state", equalTo("VERIFIED"));
        String second = create(cm, "FACEBOOK", "VigieSameCM.Officiel", "Office Vigie du Même Nom");
        page("vigiesamecm.officiel", code(cm, second));
        check(cm, second, "https://www.facebook.com/VigieSameCM.Officiel").then().statusCode(200)
                .body("state", equalTo("VERIFIED")).body("resembles", everyItem(not(nullValue())));
    }

    @Test
    void anotherInstitutionNeverSeesOrProvesAnAccountNotItsOwn() {
        String owner = cm("vowner");
        String id = create(owner, "X", "vowner_desk", "Bureau du propriétaire Vigie");
        code(owner, id);
        String stranger = cm("vstranger");
        given().header("Authorization", stranger).post("/api/accounts/official/{id}/verification", id).then().statusCode(404);
        check(stranger, id, "https://x.com/vowner_desk").then().statusCode(404);
        given().header("Authorization", stranger).get("/api/accounts/official/{id}/verification", id).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("vowner", "v", "viewer"))
                .post("/api/accounts/official/{id}/verification", id).then().statusCode(403);
    }
}
