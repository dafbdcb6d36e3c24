package cm.vigie.watch.hoax;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.audit.AuditEvent;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class HoaxResourceTest {

    static final String SANTE_CM = TestTokens.bearer("minsante", "cm-sante", "community-manager");
    static final String SANTE_VIEWER = TestTokens.bearer("minsante", "viewer-sante", "viewer");
    static final String COM_ANALYST = TestTokens.bearer("mincom", "analyst-com", "analyst");
    static final String OPERATOR = TestTokens.bearer("platform", "operator", "platform-admin");

    @Inject
    HoaxDetector detector;

    @Inject
    AuditLog audit;

    @Inject
    javax.sql.DataSource dataSource;

    static Response create(String bearer, String body) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body).post("/api/watch/hoaxes");
    }

    static String hoax(String bearer, String claim, boolean shared) {
        Response response = create(bearer, """
                {"claims":["%s"],"verdict":"FALSE","debunkUrl":"https://factcheck.cm/x","shared":%s,"notes":"private note"}"""
                .formatted(claim, shared));
        assertEquals(201, response.statusCode(), response.asString());
        return response.jsonPath().getString("id");
    }

    static List<String> checked(String bearer, String text) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}").post("/api/watch/hoaxes/check")
                .then().statusCode(200).extract().jsonPath().getList("matches.hoaxId");
    }

    @Test
    void aHoaxIsCreatedWithTheContractShapeAndReadBack() {
        Response created = create(SANTE_CM, """
                {"claims":["Le vaccin contre la rougeole rend les enfants aveugles, disent les voisins.","The measles vaccine makes children blind, neighbours say."],
                 "verdict":"FALSE","debunkUrl":"https://www.minsante.cm/verifications/rougeole","shared":false}""");
        created.then().statusCode(201).header("Location", containsString("/api/watch/hoaxes/")).header("ETag", "\"0\"")
                .body("claims.size()", equalTo(2)).body("verdict", equalTo("FALSE")).body("shared", equalTo(false))
                .body("published", equalTo(false)).body("firstSeen", notNullValue()).body("withdrawal", nullValue());
        String id = created.jsonPath().getString("id");

        given().header("Authorization", SANTE_VIEWER).get("/api/watch/hoaxes/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("claims[1]", equalTo("The measles vaccine makes children blind, neighbours say."));
        given().header("Authorization", SANTE_VIEWER).queryParam("verdict", "FALSE").queryParam("size", 100)
                .get("/api/watch/hoaxes").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.verdict", everyItem(equalTo("FALSE"))).body("size", equalTo(100));

        List<AuditEvent> history = audit.history(HoaxService.AUDIT_TARGET, UUID.fromString(id));
        assertEquals("HOAX_CREATED", history.get(0).action);
        assertEquals("cm-sante", history.get(0).actor);
    }

    @Test
    void badInputAnswersALocalizedProblemAndStoresNothing() {
        long before = given().header("Authorization", SANTE_VIEWER).get("/api/watch/hoaxes").jsonPath().getLong("total");
        given().header("Authorization", SANTE_CM).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"claims\":[\"Faux!\"],\"verdict\":\"FALSE\"}").post("/api/watch/hoaxes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("claims[0]")).body("errors[0].message", containsString("trois mots"));
        given().header("Authorization", SANTE_CM).contentType(ContentType.JSON)
                .body("{\"claims\":[],\"verdict\":\"FALSE\",\"debunkUrl\":\"javascript:alert(1)\"}").post("/api/watch/hoaxes")
                .then().statusCode(400).body("errors.field", hasItem("claims")).body("errors.field", hasItem("debunkUrl"));
        given().header("Authorization", SANTE_CM).contentType(ContentType.JSON)
                .body("{\"claims\":[\"Le sel iodé rend stérile les enfants\"],\"verdict\":\"WRONG\"}").post("/api/watch/hoaxes")
                .then().statusCode(400).body("errors.field", hasItem("verdict"));
        given().header("Authorization", SANTE_CM).contentType(ContentType.JSON)
                .body("{\"claims\":[\"Le sel iodé rend stérile les enfants\"]}").post("/api/watch/hoaxes")
                .then().statusCode(400).body("errors.field", hasItem("verdict"));
        given().header("Authorization", SANTE_VIEWER).get("/api/watch/hoaxes").then().body("total", equalTo((int) before));
    }

    @Test
    void anotherInstitutionNeitherSeesNorEditsAPrivateHoax() {
        String claim = "Le maire de Bafoussam a vendu le marché central à une société étrangère.";
        String id = hoax(SANTE_CM, claim, false);
        given().header("Authorization", COM_ANALYST).get("/api/watch/hoaxes/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", COM_ANALYST).header("If-Match", "*").contentType(ContentType.JSON)
                .body("{\"claims\":[\"" + claim + "\"],\"verdict\":\"SATIRE\"}").put("/api/watch/hoaxes/" + id)
                .then().statusCode(404);
        given().header("Authorization", COM_ANALYST).get("/api/watch/hoaxes/shared/" + id).then().statusCode(404);
        assertTrue(checked(COM_ANALYST, claim).isEmpty(), "a private hoax is not matched for others");
        assertEquals(List.of(id), checked(SANTE_VIEWER, "le maire de Bafoussam a vendu le marche central a une societe etrangere 😡"));
    }

    @Test
    void aSharedHoaxIsPublishedReadOnlyAndRecognisedEverywhere() {
        String id = hoax(SANTE_CM, "Les antennes 5G de Douala propagent le choléra dans les quartiers.", true);
        given().header("Authorization", COM_ANALYST).get("/api/watch/hoaxes/shared/" + id).then().statusCode(200)
                .body("publishedBy", equalTo("minsante")).body("verdict", equalTo("FALSE"))
                .body("notes", nullValue()).body("withdrawal", nullValue());
        given().header("Authorization", COM_ANALYST).queryParam("size", 100).get("/api/watch/hoaxes/shared")
                .then().statusCode(200).body("items.id", hasItem(id));

        given().header("Authorization", COM_ANALYST).contentType(ContentType.JSON)
                .body("{\"text\":\"#Douala les antennes 5G propagent le cholera dans nos quartiers!!! 📡\"}")
                .post("/api/watch/hoaxes/check").then().statusCode(200)
                .body("matches[0].hoaxId", equalTo(id)).body("matches[0].own", equalTo(false))
                .body("matches[0].similarity", greaterThanOrEqualTo(0.5f));
        assertTrue(detector.detect("mincom", "les antennes 5G de douala propagent le cholera dans les quartiers").stream()
                .anyMatch(match -> match.hoaxId().toString().equals(id)));
    }

    @Test
    void anOperatorWithdrawsASharedHoaxAndCanReinstateIt() {
        String claim = "Le gouvernement va interdire les motos-taxis dans toutes les villes dès lundi prochain.";
        String id = hoax(SANTE_CM, claim, true);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{}")
                .post("/api/watch/hoaxes/shared/" + id + "/withdraw").then().statusCode(400);
        given().header("Authorization", SANTE_CM).contentType(ContentType.JSON).body("{\"reason\":\"mine\"}")
                .post("/api/watch/hoaxes/shared/" + id + "/withdraw").then().statusCode(403);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"reason\":\"Verdict contesté\"}")
                .post("/api/watch/hoaxes/shared/" + id + "/withdraw").then().statusCode(200)
                .body("withdrawal.by", equalTo("operator")).body("withdrawal.reason", equalTo("Verdict contesté"));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/api/watch/hoaxes/shared/" + id + "/withdraw").then().statusCode(409);

        given().header("Authorization", COM_ANALYST).get("/api/watch/hoaxes/shared/" + id).then().statusCode(404);
        given().header("Authorization", COM_ANALYST).queryParam("size", 100).get("/api/watch/hoaxes/shared").then()
                .body("items.id", not(hasItem(id)));
        assertTrue(checked(COM_ANALYST, claim).isEmpty(), "withdrawn: no longer recognised for others");
        assertEquals(List.of(id), checked(SANTE_CM, claim), "the owner keeps recognising it");
        given().header("Authorization", SANTE_CM).get("/api/watch/hoaxes/" + id).then().statusCode(200)
                .body("shared", equalTo(true)).body("published", equalTo(false))
                .body("withdrawal.reason", equalTo("Verdict contesté"));

        given().header("Authorization", OPERATOR).post("/api/watch/hoaxes/shared/" + id + "/reinstate").then().statusCode(200)
                .body("withdrawal", nullValue());
        given().header("Authorization", OPERATOR).post("/api/watch/hoaxes/shared/" + id + "/reinstate").then().statusCode(409);
        assertEquals(List.of(id), checked(COM_ANALYST, claim));

        List<String> actions = audit.history(HoaxService.AUDIT_TARGET, UUID.fromString(id)).stream().map(e -> e.action).toList();
        assertEquals(List.of("HOAX_CREATED", "HOAX_WITHDRAWN", "HOAX_REINSTATED"), actions);
        assertEquals("minsante", audit.history(HoaxService.AUDIT_TARGET, UUID.fromString(id)).get(1).institutionId);
    }

    @Test
    void updatesNeedIfMatchAndChangeWhatIsRecognised() {
        String claim = "La CAMWATER coupe l'eau à Yaoundé pendant un mois à partir de demain matin.";
        Response created = create(SANTE_CM, "{\"claims\":[\"" + claim + "\"],\"verdict\":\"UNVERIFIED\",\"shared\":true}");
        String id = created.jsonPath().getString("id");
        String updated = "{\"claims\":[\"" + claim + "\"],\"verdict\":\"FALSE\",\"shared\":false}";

        given().header("Authorization", SANTE_CM).contentType(ContentType.JSON).body(updated).put("/api/watch/hoaxes/" + id)
                .then().statusCode(428);
        given().header("Authorization", SANTE_CM).header("If-Match", "\"7\"").contentType(ContentType.JSON).body(updated)
                .put("/api/watch/hoaxes/" + id).then().statusCode(412);
        assertEquals(List.of(id), checked(COM_ANALYST, claim));
        given().header("Authorization", SANTE_CM).header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body(updated).put("/api/watch/hoaxes/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("verdict", equalTo("FALSE")).body("published", equalTo(false));
        assertTrue(checked(COM_ANALYST, claim).isEmpty(), "no longer shared: no longer recognised for others");

        given().header("Authorization", SANTE_VIEWER).delete("/api/watch/hoaxes/" + id).then().statusCode(403);
        given().header("Authorization", SANTE_CM).delete("/api/watch/hoaxes/" + id).then().statusCode(204);
        given().header("Authorization", SANTE_CM).get("/api/watch/hoaxes/" + id).then().statusCode(404);
        assertTrue(checked(SANTE_CM, claim).isEmpty(), "deleted: no longer recognised");
    }

    @Test
    void aHoaxWrittenByAnotherReplicaWhoseNotificationWasLostIsMatchedAfterTheVersionCheck() throws Exception {
        String institution = "hoax-version-check";
        String text = "La police de Garoua arrête tous les motos-taximen sans casque dès ce soir.";
        assertTrue(detector.detect(institution, text).isEmpty());
        UUID id = UUID.randomUUID();
        try (var connection = dataSource.getConnection()) {
            ReplicaTwoHoaxes.insert(connection, id, institution, false, text);
        }
        assertTrue(detector.detect(institution, text).isEmpty(), "served from the index this replica holds");
        try (var connection = dataSource.getConnection()) {
            ReplicaTwoHoaxes.bumpWithoutNotification(connection, institution);
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (detector.detect(institution, text).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of(id), detector.detect(institution, text).stream().map(HoaxMatch::hoaxId).toList());
        assertTrue(detector.detect("mincom", text).isEmpty(), "private to its institution");
    }
}
