package cm.vigie.accounts.impersonation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Other services score candidates with the service key, for the institution they name, exactly as its users would. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class InternalImpersonationResourceTest {

    static final String CM = TestTokens.bearer("minfi", "cm", "community-manager");
    static final String PATH = "/internal/accounts/impersonation/score";
    static final String CANDIDATES = """
            {"candidates":[{"platform":"FACEBOOK","handle":"MinfiCameroun.Officiel","displayName":"Ministère des Finances (officiel)",\
            "followers":9,"verified":false,"createdAt":"2026-11-20T00:00:00Z"},{"platform":"FACEBOOK","handle":"minficameroun"},\
            {"platform":"X","handle":"cuisine_de_maman"}]}""";

    static String officialId;

    @BeforeEach
    void references() {
        AccountsTestSupport.ensureInstitution("minfi");
        AccountsTestSupport.ensureInstitution("minjustice");
        if (officialId == null) {
            officialId = given().header("Authorization", CM).contentType(ContentType.JSON)
                    .body("{\"platform\":\"FACEBOOK\",\"handle\":\"MinfiCameroun\",\"displayName\":\"Ministère des Finances\"}")
                    .post("/api/accounts/official").then().statusCode(201).extract().path("id");
        }
    }

    static ValidatableResponse internal(String key, String institution, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("X-Vigie-Service-Key", key);
        }
        if (institution != null) {
            request.header("X-Vigie-Institution", institution);
        }
        return request.post(PATH).then();
    }

    @Test
    void answersExactlyWhatThePublicScoringAnswersTheInstitutionsUsers() {
        Map<String, Object> internal = internal(TestIdentityProvider.SERVICE_KEY, "minfi", CANDIDATES).statusCode(200)
                .body("results.verdict", equalTo(java.util.List.of("LIKELY_IMPERSONATION", "OFFICIAL", "UNRELATED")))
                .body("results[0].closest.id", equalTo(officialId))
                .extract().as(Map.class);
        Map<String, Object> publicAnswer = given().header("Authorization", CM).contentType(ContentType.JSON).body(CANDIDATES)
                .post("/api/accounts/impersonation/score").then().statusCode(200).extract().as(Map.class);
        assertEquals(publicAnswer, internal);
    }

    @Test
    void scoresAgainstTheNamedInstitutionsReferencesOnly() {
        internal(TestIdentityProvider.SERVICE_KEY, "minjustice", CANDIDATES).statusCode(200)
                .body("results.verdict", not(hasItem("OFFICIAL")))
                .body("results.closest.id", not(hasItem(officialId)));
    }

    @Test
    void refusesCallsWithoutTheServiceKeyOrAnInstitution() {
        internal(null, "minfi", CANDIDATES).statusCode(401).contentType("application/problem+json");
        internal("not-the-key", "minfi", CANDIDATES).statusCode(401);
        given().header("Authorization", CM).header("X-Vigie-Institution", "minfi").contentType(ContentType.JSON)
                .body(CANDIDATES).post(PATH).then().statusCode(401);
        internal(TestIdentityProvider.SERVICE_KEY, null, CANDIDATES).statusCode(400)
                .body("errors.field", hasItem("X-Vigie-Institution"));
        internal(TestIdentityProvider.SERVICE_KEY, "../minfi", CANDIDATES).statusCode(400);
    }

    @Test
    void invalidCandidatesAnswer400InFrenchAndEnglish() {
        internal(TestIdentityProvider.SERVICE_KEY, "minfi", "{\"candidates\":[]}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("candidates"));
        given().header("X-Vigie-Service-Key", TestIdentityProvider.SERVICE_KEY).header("X-Vigie-Institution", "minfi")
                .header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"candidates\":[{\"platform\":\"X\"}]}").post(PATH).then().statusCode(400)
                .body("errors.field", hasItem("candidates[0].handle"))
                .body("title", equalTo("Requête invalide"));
    }

    @Test
    void aSuspendedInstitutionIsRefusedUntilReactivatedButTheDirectoryStillLearnsIt() {
        String id = AccountsTestSupport.ensureInstitution("minsuspinternal");
        String operator = AccountsTestSupport.OPERATOR;
        internal(TestIdentityProvider.SERVICE_KEY, "minsuspinternal", CANDIDATES).statusCode(200);
        given().header("Authorization", operator).contentType(ContentType.JSON).body("{\"reason\":\"audit\"}")
                .post("/api/institutions/" + id + "/suspend").then().statusCode(200);
        try {
            internal(TestIdentityProvider.SERVICE_KEY, "minsuspinternal", CANDIDATES).statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://vigie.cm/problems/institution-suspended"));
            internal(TestIdentityProvider.SERVICE_KEY, "minnowhere", CANDIDATES).statusCode(403);
            given().header("X-Vigie-Service-Key", TestIdentityProvider.SERVICE_KEY).get("/internal/institutions").then()
                    .statusCode(200).body("find { it.slug == 'minsuspinternal' }.status", equalTo("SUSPENDED"));
        } finally {
            given().header("Authorization", operator).contentType(ContentType.JSON).body("{\"reason\":\"done\"}")
                    .post("/api/institutions/" + id + "/reactivate").then().statusCode(200);
        }
        internal(TestIdentityProvider.SERVICE_KEY, "minsuspinternal", CANDIDATES).statusCode(200);
    }
}
