package cm.vigie.accounts.impersonation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.StringJoiner;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class ImpersonationResourceTest {

    static final String CM = TestTokens.bearer("minpostel", "cm", "community-manager");
    static final String ANALYST = TestTokens.bearer("minpostel", "analyst", "analyst");
    static final String ADMIN = TestTokens.bearer("minpostel", "admin", "institution-admin");
    static final String APPROVER = TestTokens.bearer("minpostel", "approver", "approver");
    static final String VIEWER = TestTokens.bearer("minpostel", "viewer", "viewer");
    static final String OTHER = TestTokens.bearer("minesup", "cm", "community-manager");

    static String officialId;
    static String personId;

    @BeforeEach
    void references() {
        AccountsTestSupport.ensureInstitution("minpostel");
        AccountsTestSupport.ensureInstitution("minesup");
        if (officialId == null) {
            officialId = given().header("Authorization", CM).contentType(ContentType.JSON)
                    .body("{\"platform\":\"FACEBOOK\",\"handle\":\"MinpostelCameroun\",\"displayName\":\"Ministère des Postes et Télécommunications\"}")
                    .post("/api/accounts/official").then().statusCode(201).extract().path("id");
            personId = given().header("Authorization", CM).contentType(ContentType.JSON)
                    .body("""
                            {"fullName":"Minette Libom Li Likeng","aliases":["Libom Li Likeng"],\
                            "titles":["Ministre des Postes et Télécommunications","Minister of Posts and Telecommunications"],\
                            "handles":[{"platform":"X","handle":"MinetteLibom"}],"photoHashes":["e1c3c3c7870f0f1f"]}""")
                    .post("/api/accounts/persons").then().statusCode(201).extract().path("id");
        }
    }

    static ValidatableResponse post(String token, String path, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/accounts/impersonation/" + path).then();
    }

    static String candidates(String... candidates) {
        return "{\"candidates\":[" + String.join(",", candidates) + "]}";
    }

    @Test
    void scoresEachCandidateInOrderAgainstTheInstitutionsReferences() {
        post(ANALYST, "score", candidates(
                "{\"platform\":\"FACEBOOK\",\"handle\":\"@minpostelcameroun\"}",
                "{\"platform\":\"FACEBOOK\",\"handle\":\"MinpostelCameroun.Officiel\",\"displayName\":\"Ministère des Postes et Télécommunications (officiel)\",\"followers\":12,\"verified\":false,\"createdAt\":\"2026-11-20T00:00:00Z\"}",
                "{\"platform\":\"X\",\"handle\":\"Minette_Libom_0fficiel\",\"displayName\":\"Minette Libom Li Likeng\",\"bio\":\"Ministre des Postes et Télécommunications\",\"avatarHash\":\"E1C3C3C7870F0F1E\"}",
                "{\"platform\":\"X\",\"handle\":\"cuisine_de_maman\",\"displayName\":\"Cuisine de maman\"}"))
                .statusCode(200)
                .body("results", hasSize(4))
                .body("results.index", equalTo(java.util.List.of(0, 1, 2, 3)))
                .body("results[0].verdict", equalTo("OFFICIAL"))
                .body("results[0].closest.id", equalTo(officialId))
                .body("results[0].closest.kind", equalTo("OFFICIAL_ACCOUNT"))
                .body("results[1].verdict", equalTo("LIKELY_IMPERSONATION"))
                .body("results[1].closest.id", equalTo(officialId))
                .body("results[1].signals.code", hasItem("BAIT_TOKEN"))
                .body("results[1].signals[0].contribution", notNullValue())
                .body("results[1].signals[0].detail", notNullValue())
                .body("results[2].verdict", equalTo("LIKELY_IMPERSONATION"))
                .body("results[2].closest.kind", equalTo("PROTECTED_PERSON"))
                .body("results[2].closest.id", equalTo(personId))
                .body("results[2].closest.displayName", equalTo("Minette Libom Li Likeng"))
                .body("results[2].signals.code", hasItem("AVATAR_MATCH"))
                .body("results[3].verdict", equalTo("UNRELATED"))
                .body("results[3].closest", nullValue());
    }

    @Test
    void anotherInstitutionScoresAgainstItsOwnReferencesOnly() {
        post(OTHER, "score", candidates("{\"platform\":\"FACEBOOK\",\"handle\":\"MinpostelCameroun\"}",
                "{\"platform\":\"X\",\"handle\":\"Minette_Libom_0fficiel\",\"displayName\":\"Minette Libom Li Likeng\"}"))
                .statusCode(200)
                .body("results.verdict", not(hasItem("OFFICIAL")))
                .body("results.closest.id", not(hasItem(officialId)))
                .body("results.closest.id", not(hasItem(personId)));
    }

    @Test
    void theIndexFollowsChangesToOfficialAccountsAndPersons() {
        String handle = "minpostel_" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String candidate = "{\"platform\":\"TIKTOK\",\"handle\":\"" + handle + "\"}";
        post(CM, "score", candidates(candidate)).statusCode(200).body("results[0].verdict", not(equalTo("OFFICIAL")));
        String id = given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"platform\":\"TIKTOK\",\"handle\":\"" + handle + "\",\"displayName\":\"Minpostel TikTok\"}")
                .post("/api/accounts/official").then().statusCode(201).extract().path("id");
        post(CM, "score", candidates(candidate)).statusCode(200).body("results[0].verdict", equalTo("OFFICIAL"))
                .body("results[0].closest.id", equalTo(id));
        given().header("Authorization", CM).delete("/api/accounts/official/" + id).then().statusCode(204);
        post(CM, "score", candidates(candidate)).statusCode(200).body("results[0].verdict", not(equalTo("OFFICIAL")));

        String name = "Zacharie Perevet " + handle;
        String person = given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"fullName\":\"" + name + "\"}").post("/api/accounts/persons").then().statusCode(201).extract().path("id");
        post(CM, "score", candidates("{\"platform\":\"X\",\"handle\":\"zperevet\",\"displayName\":\"" + name + "\"}"))
                .statusCode(200).body("results[0].closest.id", equalTo(person));
    }

    @Test
    void invalidBatchesAnswer400AndScanNothing() {
        StringJoiner many = new StringJoiner(",");
        for (int i = 0; i < 1001; i++) {
            many.add("{\"platform\":\"X\",\"handle\":\"h" + i + "\"}");
        }
        post(CM, "score", "{\"candidates\":[" + many + "]}").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("candidates"));
        post(CM, "scan", "{\"candidates\":[" + many + "]}").statusCode(400);
        post(CM, "score", "{\"candidates\":[]}").statusCode(400);
        post(CM, "score", "{}").statusCode(400).body("errors.field", hasItem("candidates"));
        post(CM, "score", candidates("{\"platform\":\"X\"}")).statusCode(400).body("errors.field", hasItem("candidates[0].handle"));
        post(CM, "score", candidates("{\"platform\":\"X\",\"handle\":\"a\",\"avatarHash\":\"https://x/y.png\"}")).statusCode(400)
                .body("errors.field", hasItem("candidates[0].avatarHash"));
        post(CM, "score", candidates("{\"platform\":\"ORKUT\",\"handle\":\"a\"}")).statusCode(400);
        post(CM, "score", candidates("null")).statusCode(400).body("errors.field", hasItem("candidates[0]"));

        StringJoiner thousand = new StringJoiner(",");
        for (int i = 0; i < 1000; i++) {
            thousand.add("{\"platform\":\"X\",\"handle\":\"someone_" + i + "\",\"displayName\":\"Some One " + i + "\"}");
        }
        post(CM, "score", "{\"candidates\":[" + thousand + "]}").statusCode(200).body("results", hasSize(1000));
    }

    @Test
    void aScanOpensOneSuspectPerAccountAndUpdatesItNextTime() {
        String fake = "{\"platform\":\"FACEBOOK\",\"handle\":\"Minpostel.Cameroun.Officiel\",\"displayName\":\"Ministère des Postes et Télécommunications officiel\",\"followers\":3}";
        String official = "{\"platform\":\"FACEBOOK\",\"handle\":\"MinpostelCameroun\"}";
        String unrelated = "{\"platform\":\"X\",\"handle\":\"cuisine_de_maman\"}";
        var first = post(ANALYST, "scan", candidates(fake, official, unrelated, fake)).statusCode(200)
                .body("threshold", notNullValue())
                .body("opened", equalTo(1)).body("updated", equalTo(0))
                .body("results[0].action", equalTo("OPENED"))
                .body("results[1].action", equalTo("IGNORED")).body("results[1].verdict", equalTo("OFFICIAL"))
                .body("results[2].action", equalTo("IGNORED")).body("results[2].suspectId", nullValue())
                .extract();
        String suspectId = first.path("results[0].suspectId");
        assertEquals(suspectId, first.path("results[3].suspectId"));

        given().header("Authorization", VIEWER).get("/api/accounts/suspects/" + suspectId).then().statusCode(200)
                .body("handle", equalTo("minpostel.cameroun.officiel")).body("status", equalTo("SUSPECTED"))
                .body("officialAccountId", equalTo(officialId)).body("verdict", equalTo("LIKELY_IMPERSONATION"))
                .body("score", greaterThanOrEqualTo(0.6f)).body("lastScoredAt", notNullValue());

        post(CM, "scan", candidates(fake.replace("Minpostel.Cameroun.Officiel", "@minpostel.cameroun.officiel"))).statusCode(200)
                .body("opened", equalTo(0)).body("updated", equalTo(1))
                .body("results[0].action", equalTo("UPDATED")).body("results[0].suspectId", equalTo(suspectId));
        given().header("Authorization", VIEWER).get("/api/accounts/suspects/" + suspectId + "/history").then()
                .body("[0].action", equalTo("SUSPECT_OPENED")).body("[0].reason", containsString("scan"));

        // the same account seen by another institution is that institution's own suspect, if any
        var other = post(OTHER, "scan", candidates(fake)).statusCode(200).extract();
        assertNotEquals(suspectId, other.path("results[0].suspectId"));
    }

    @Test
    void theInstitutionsThresholdDecidesWhatAScanRecords() {
        String fake = "{\"platform\":\"INSTAGRAM\",\"handle\":\"minpostelcameroun_\",\"displayName\":\"Minpostel\"}";
        float score = post(CM, "score", candidates(fake)).statusCode(200).extract().path("results[0].score");
        String etag = given().header("Authorization", ADMIN).get("/api/accounts/impersonation/settings").then().extract().header("ETag");
        given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"threshold\":" + Math.min(1.0, score + 0.01) + ",\"defaultSlaDays\":7}")
                .put("/api/accounts/impersonation/settings").then().statusCode(200);
        post(CM, "scan", candidates(fake)).statusCode(200).body("results[0].action", equalTo("IGNORED")).body("opened", equalTo(0));
        etag = given().header("Authorization", ADMIN).get("/api/accounts/impersonation/settings").then().extract().header("ETag");
        given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"threshold\":" + Math.max(0.05, score - 0.01) + ",\"defaultSlaDays\":7}")
                .put("/api/accounts/impersonation/settings").then().statusCode(200);
        post(CM, "scan", candidates(fake)).statusCode(200).body("results[0].action", equalTo("OPENED"));
    }

    @Test
    void rolesThatMayNotScoreGet403() {
        for (String token : new String[] { APPROVER, VIEWER, TestTokens.bearer("platform", "operator", "platform-admin") }) {
            post(token, "score", candidates("{\"platform\":\"X\",\"handle\":\"a\"}")).statusCode(403);
            post(token, "scan", candidates("{\"platform\":\"X\",\"handle\":\"a\"}")).statusCode(403);
        }
        given().contentType(ContentType.JSON).body(candidates("{\"platform\":\"X\",\"handle\":\"a\"}"))
                .post("/api/accounts/impersonation/score").then().statusCode(401);
    }
}
