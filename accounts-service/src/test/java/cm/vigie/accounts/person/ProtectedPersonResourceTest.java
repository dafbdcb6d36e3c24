package cm.vigie.accounts.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class ProtectedPersonResourceTest {

    static final String MINSANTE_CM = TestTokens.bearer("minsante", "cm", "community-manager");
    static final String MINSANTE_ADMIN = TestTokens.bearer("minsante", "admin", "institution-admin");
    static final String MINSANTE_ANALYST = TestTokens.bearer("minsante", "analyst", "analyst");
    static final String MINSANTE_VIEWER = TestTokens.bearer("minsante", "viewer", "viewer");
    static final String MINCOM_CM = TestTokens.bearer("mincom", "cm", "community-manager");

    static final String MINISTER = """
            {"fullName":"  Malachie   Manaouda ","aliases":["Dr Manaouda","Dr Manaouda"],\
            "titles":["Ministre de la Santé publique","Minister of Public Health"],\
            "handles":[{"platform":"X","handle":"@DrManaouda"}],"photoHashes":["0xE1C3C3C7870F0F1F"]}""";

    @BeforeEach
    void institutions() {
        AccountsTestSupport.ensureInstitution("minsante");
        AccountsTestSupport.ensureInstitution("mincom");
    }

    static String create(String token, String body) {
        String location = given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/accounts/persons")
                .then().statusCode(201).header("ETag", "\"0\"").extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void createsAPersonWithNormalisedFieldsAndReadsItBack() {
        String id = create(MINSANTE_CM, MINISTER);
        given().header("Authorization", MINSANTE_VIEWER).get("/api/accounts/persons/" + id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("fullName", equalTo("Malachie Manaouda"))
                .body("aliases", contains("Dr Manaouda"))
                .body("titles", contains("Ministre de la Santé publique", "Minister of Public Health"))
                .body("handles[0].platform", equalTo("X"))
                .body("handles[0].handle", equalTo("drmanaouda"))
                .body("photoHashes", contains("e1c3c3c7870f0f1f"));
    }

    @Test
    void onlyFullNameIsRequired() {
        String id = create(MINSANTE_ADMIN, "{\"fullName\":\"Directeur Général\"}");
        given().header("Authorization", MINSANTE_CM).get("/api/accounts/persons/" + id)
                .then().statusCode(200).body("aliases", hasSize(0)).body("handles", hasSize(0)).body("photoHashes", hasSize(0));
    }

    @Test
    void photoHashesAreHexNeverUrls() {
        int before = given().header("Authorization", MINSANTE_CM).get("/api/accounts/persons").then().extract().path("total");
        given().header("Authorization", MINSANTE_CM).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"fullName\":\"X\",\"photoHashes\":[\"https://example.org/minister.jpg\"]}")
                .post("/api/accounts/persons")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("photoHashes[0]"))
                .body("errors.message", hasItem(containsString("hexadécimaux")));
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON)
                .body("{\"fullName\":\"X\",\"photoHashes\":[\"e1c3c3c7870f0f1\"]}")
                .post("/api/accounts/persons").then().statusCode(400);
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON)
                .body("{\"fullName\":\" \",\"handles\":[{\"platform\":\"MYSPACE\",\"handle\":\"x\"}]}")
                .post("/api/accounts/persons").then().statusCode(400).body(not(containsString("Exception")));
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON)
                .body("{\"fullName\":\"X\",\"handles\":[{\"platform\":\"X\",\"handle\":\"has space\"}]}")
                .post("/api/accounts/persons").then().statusCode(400).body("errors.field", hasItem("handles[0].handle"));
        given().header("Authorization", MINSANTE_CM).get("/api/accounts/persons").then().body("total", equalTo(before));
    }

    @Test
    void analystsAndViewersReadButDoNotWrite() {
        String id = create(MINSANTE_CM, MINISTER);
        for (String token : new String[] { MINSANTE_ANALYST, MINSANTE_VIEWER }) {
            given().header("Authorization", token).contentType(ContentType.JSON).body(MINISTER).post("/api/accounts/persons")
                    .then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(MINISTER)
                    .put("/api/accounts/persons/" + id).then().statusCode(403);
            given().header("Authorization", token).delete("/api/accounts/persons/" + id).then().statusCode(403);
            given().header("Authorization", token).get("/api/accounts/persons/" + id).then().statusCode(200);
        }
        given().header("Authorization", TestTokens.bearer("platform", "operator", "platform-admin"))
                .get("/api/accounts/persons").then().statusCode(403);
    }

    @Test
    void anotherInstitutionGetsTheSame404AsForAMissingId() {
        String id = create(MINSANTE_CM, MINISTER);
        String foreign = given().header("Authorization", MINCOM_CM).get("/api/accounts/persons/" + id)
                .then().statusCode(404).contentType("application/problem+json").extract().path("detail");
        String missing = given().header("Authorization", MINCOM_CM).get("/api/accounts/persons/" + UUID.randomUUID())
                .then().statusCode(404).extract().path("detail");
        Assertions.assertEquals(missing, foreign);
        given().header("Authorization", MINCOM_CM).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(MINISTER)
                .put("/api/accounts/persons/" + id).then().statusCode(404);
        given().header("Authorization", MINCOM_CM).delete("/api/accounts/persons/" + id).then().statusCode(404);
        given().header("Authorization", MINCOM_CM).get("/api/accounts/persons/" + id + "/history").then().statusCode(404);
        given().header("Authorization", MINCOM_CM).queryParam("size", 100).get("/api/accounts/persons")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().header("Authorization", MINSANTE_CM).get("/api/accounts/persons/" + id).then().statusCode(200);
    }

    @Test
    void updatesNeedTheCurrentETagAndAreRecordedInTheHistory() {
        String id = create(MINSANTE_CM, MINISTER);
        String renamed = MINISTER.replace("Dr Manaouda", "Pr Manaouda");
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).body(renamed)
                .put("/api/accounts/persons/" + id).then().statusCode(428);
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(renamed)
                .put("/api/accounts/persons/" + id).then().statusCode(412);
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(renamed)
                .put("/api/accounts/persons/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("aliases", contains("Pr Manaouda"));

        given().header("Authorization", MINSANTE_VIEWER).get("/api/accounts/persons/" + id + "/history")
                .then().statusCode(200)
                .body("action", contains("PERSON_CREATED", "PERSON_UPDATED"))
                .body("[0].actor", equalTo("cm"))
                .body("[0].from", nullValue())
                .body("[1].from", equalTo("v0"))
                .body("[1].to", equalTo("v1"))
                .body("[1].reason", containsString("aliases: [Dr Manaouda] → [Pr Manaouda]"));
    }

    @Test
    void historyCannotBeWrittenThroughTheApi() {
        String id = create(MINSANTE_CM, MINISTER);
        for (String method : new String[] { "POST", "PUT", "DELETE", "PATCH" }) {
            int status = given().header("Authorization", MINSANTE_ADMIN).contentType(ContentType.JSON).body("[]")
                    .request(method, "/api/accounts/persons/" + id + "/history").statusCode();
            Assertions.assertEquals(405, status, method + " on history");
        }
        given().header("Authorization", MINSANTE_ADMIN).get("/api/accounts/persons/" + id + "/history")
                .then().body("$", hasSize(1));
    }

    @Test
    void listsAreFilteredByNameAndPaged() {
        String marker = "Zéphirin" + UUID.randomUUID().toString().substring(0, 6);
        create(MINSANTE_CM, "{\"fullName\":\"" + marker + " Ndongo\"}");
        create(MINSANTE_CM, "{\"fullName\":\"" + marker + " Atangana\"}");
        given().header("Authorization", MINSANTE_CM).queryParam("name", marker.toLowerCase()).queryParam("size", 1)
                .get("/api/accounts/persons")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(1))
                .body("items[0].fullName", equalTo(marker + " Atangana"));
        given().header("Authorization", MINSANTE_CM).queryParam("name", "%").queryParam("sort", "fullName,desc")
                .get("/api/accounts/persons").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", MINSANTE_CM).queryParam("sort", "secret,asc").get("/api/accounts/persons")
                .then().statusCode(400).body("errors.field", hasItem("sort"));
    }

    @Test
    void deletedPersonsAreGone() {
        String id = create(MINSANTE_CM, MINISTER);
        given().header("Authorization", MINSANTE_CM).header("If-Match", "\"9\"").delete("/api/accounts/persons/" + id)
                .then().statusCode(412);
        given().header("Authorization", MINSANTE_CM).delete("/api/accounts/persons/" + id).then().statusCode(204);
        given().header("Authorization", MINSANTE_CM).get("/api/accounts/persons/" + id).then().statusCode(404);
    }
}
