package cm.vigie.accounts.official;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

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
class OfficialAccountResourceTest {

    static final String MINSANTE_CM = TestTokens.bearer("minsante", "cm", "community-manager");
    static final String MINSANTE_VIEWER = TestTokens.bearer("minsante", "viewer", "viewer");
    static final String MINCOM_CM = TestTokens.bearer("mincom", "cm", "community-manager");

    @BeforeEach
    void institutions() {
        AccountsTestSupport.ensureInstitution("minsante");
        AccountsTestSupport.ensureInstitution("mincom");
    }

    static String uniqueHandle() {
        return "acct_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String body(String platform, String handle) {
        return """
                {"platform":"%s","handle":"%s","displayName":"Ministère de la Santé","url":"https://www.facebook.com/%s"}"""
                .formatted(platform, handle, handle);
    }

    static String create(String token, String handle) {
        String location = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(body("FACEBOOK", handle))
                .post("/api/accounts/official")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", containsString("/api/accounts/official/"))
                .body("handle", equalTo(handle.toLowerCase()))
                .body("status", equalTo("ACTIVE"))
                .extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void communityManagerCreatesAndReadsAnAccountWithNormalisedHandle() {
        String handle = uniqueHandle();
        String id = given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON)
                .body(body("X", "@" + handle.toUpperCase()))
                .post("/api/accounts/official")
                .then().statusCode(201).body("handle", equalTo(handle)).extract().path("id");

        given().header("Authorization", MINSANTE_VIEWER).get("/api/accounts/official/" + id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("platform", equalTo("X"))
                .body("createdAt", notNullValue());
    }

    @Test
    void anotherInstitutionSeesNothingAndGetsTheSame404AsForAMissingId() {
        String id = create(MINSANTE_CM, uniqueHandle());

        String foreign = given().header("Authorization", MINCOM_CM).get("/api/accounts/official/" + id)
                .then().statusCode(404).contentType("application/problem+json").extract().path("detail");
        String missing = given().header("Authorization", MINCOM_CM).get("/api/accounts/official/" + UUID.randomUUID())
                .then().statusCode(404).extract().path("detail");
        org.junit.jupiter.api.Assertions.assertEquals(missing, foreign);

        given().header("Authorization", MINCOM_CM).get("/api/accounts/official?size=100")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().header("Authorization", MINCOM_CM).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body("FACEBOOK", uniqueHandle())).put("/api/accounts/official/" + id)
                .then().statusCode(404);
        given().header("Authorization", MINCOM_CM).delete("/api/accounts/official/" + id).then().statusCode(404);
        given().header("Authorization", MINSANTE_VIEWER).get("/api/accounts/official/" + id).then().statusCode(200);
    }

    @Test
    void viewerReadsButCannotCreate() {
        given().header("Authorization", MINSANTE_VIEWER).get("/api/accounts/official").then().statusCode(200);
        given().header("Authorization", MINSANTE_VIEWER).contentType(ContentType.JSON).body(body("FACEBOOK", uniqueHandle()))
                .post("/api/accounts/official")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void listsArePagedAndFiltered() {
        String handle = uniqueHandle();
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).body(body("TELEGRAM", handle))
                .post("/api/accounts/official").then().statusCode(201);

        given().header("Authorization", MINSANTE_CM).queryParam("platform", "TELEGRAM").queryParam("size", 1)
                .get("/api/accounts/official")
                .then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(1))
                .body("items.size()", equalTo(1))
                .body("items.platform", everyItem(equalTo("TELEGRAM")))
                .body("total", notNullValue());

        given().header("Authorization", MINSANTE_CM).queryParam("size", 1000).get("/api/accounts/official")
                .then().statusCode(400).body("errors.field", hasItem("size"));
        given().header("Authorization", MINSANTE_CM).queryParam("sort", "password,asc").get("/api/accounts/official")
                .then().statusCode(400).body("errors.field", hasItem("sort"));
    }

    @Test
    void invalidBodiesAnswerProblemsInTheCallersLanguageAndStoreNothing() {
        int before = given().header("Authorization", MINSANTE_CM).get("/api/accounts/official").then().extract().path("total");

        given().header("Authorization", MINSANTE_CM).header("Accept-Language", "fr-CM,fr;q=0.9")
                .contentType(ContentType.JSON).body("{\"platform\":\"FACEBOOK\",\"handle\":\" \",\"displayName\":\"x\"}")
                .post("/api/accounts/official")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Requête invalide"))
                .body("errors.field", hasItem("handle"))
                .body("type", startsWith("https://vigie.cm/problems/"));

        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON)
                .body("{\"platform\":\"MYSPACE\",\"handle\":\"x\",\"displayName\":\"x\"}")
                .post("/api/accounts/official")
                .then().statusCode(400).body("errors.field", hasItem("platform"))
                .body(not(containsString("com.fasterxml")));

        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).body("{not json")
                .post("/api/accounts/official")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception")));

        given().header("Authorization", MINSANTE_CM).get("/api/accounts/official")
                .then().body("total", equalTo(before));
    }

    @Test
    void anOfficialHandleBelongsToOneInstitutionOnly() {
        String handle = uniqueHandle();
        create(MINSANTE_CM, handle);
        given().header("Authorization", MINCOM_CM).contentType(ContentType.JSON).body(body("FACEBOOK", "@" + handle))
                .post("/api/accounts/official")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(handle));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String id = create(MINSANTE_CM, uniqueHandle());
        String renamed = uniqueHandle();

        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).body(body("FACEBOOK", renamed))
                .put("/api/accounts/official/" + id).then().statusCode(428);
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(body("FACEBOOK", renamed)).put("/api/accounts/official/" + id).then().statusCode(412);
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body("FACEBOOK", renamed)).put("/api/accounts/official/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("handle", equalTo(renamed));
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body("FACEBOOK", uniqueHandle())).put("/api/accounts/official/" + id).then().statusCode(412);
    }

    @Test
    void deletedAccountsAreGone() {
        String id = create(MINSANTE_CM, uniqueHandle());
        given().header("Authorization", MINSANTE_CM).header("If-Match", "\"3\"").delete("/api/accounts/official/" + id)
                .then().statusCode(412);
        // as generated clients ask: the only media type a 204 operation declares is its errors'
        given().header("Authorization", MINSANTE_CM).header("Accept", "application/problem+json")
                .delete("/api/accounts/official/" + id).then().statusCode(204);
        given().header("Authorization", MINSANTE_CM).get("/api/accounts/official/" + id).then().statusCode(404);
    }

    @Test
    void profileUrlsWithTrackingParametersAreReadToTheHandleAndClaimedOnce() {
        String handle = uniqueHandle();
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON)
                .body("{\"platform\":\"TIKTOK\",\"handle\":\" https://www.tiktok.com/@" + handle.toUpperCase()
                        + "?_t=8kXYZ&_r=1 \",\"displayName\":\"MINSANTE\"}")
                .post("/api/accounts/official")
                .then().statusCode(201).body("handle", equalTo(handle)).body("platform", equalTo("TIKTOK"));
        given().header("Authorization", MINCOM_CM).contentType(ContentType.JSON).body(body("TIKTOK", "@" + handle))
                .post("/api/accounts/official")
                .then().statusCode(409);
    }

    @Test
    void aUrlOfAnotherPlatformIsRefusedInTheCallersLanguage() {
        given().header("Authorization", MINSANTE_CM).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body(body("X", "https://www.facebook.com/" + uniqueHandle()))
                .post("/api/accounts/official")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("handle"))
                .body("errors.message", hasItem(containsString("plateforme")));
    }

    @Test
    void statusChangesFollowTheLifecycleAndTheirReasonsAreInTheHistory() {
        String id = create(MINSANTE_CM, uniqueHandle());
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON)
                .body("{\"status\":\"COMPROMISED\",\"reason\":\"Password reset by an unknown person\"}")
                .post("/api/accounts/official/" + id + "/status")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("COMPROMISED"))
                .body("statusReason", equalTo("Password reset by an unknown person"));
        given().header("Authorization", MINSANTE_CM).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"status\":\"ACTIVE\",\"reason\":\"all good\"}")
                .post("/api/accounts/official/" + id + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Un compte officiel ne peut pas passer de COMPROMISED à ACTIVE."));
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).body("{\"status\":\"RECOVERED\"}")
                .post("/api/accounts/official/" + id + "/status")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().header("Authorization", MINSANTE_VIEWER).contentType(ContentType.JSON)
                .body("{\"status\":\"RECOVERED\",\"reason\":\"x\"}")
                .post("/api/accounts/official/" + id + "/status").then().statusCode(403);
        given().header("Authorization", MINCOM_CM).contentType(ContentType.JSON)
                .body("{\"status\":\"RECOVERED\",\"reason\":\"x\"}")
                .post("/api/accounts/official/" + id + "/status").then().statusCode(404);
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"status\":\"RECOVERED\",\"reason\":\"Control regained through the platform\"}")
                .post("/api/accounts/official/" + id + "/status").then().statusCode(200).body("status", equalTo("RECOVERED"));

        given().header("Authorization", MINSANTE_VIEWER).get("/api/accounts/official/" + id + "/history")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.action", equalTo(java.util.List.of("OFFICIAL_ACCOUNT_CREATED",
                        "OFFICIAL_ACCOUNT_STATUS_CHANGED", "OFFICIAL_ACCOUNT_STATUS_CHANGED")))
                .body("items[1].actor", equalTo("cm"))
                .body("items[1].before", equalTo("ACTIVE"))
                .body("items[1].after", equalTo("COMPROMISED"))
                .body("items[1].reason", equalTo("Password reset by an unknown person"))
                .body("items[2].after", equalTo("RECOVERED"));
    }

    @Test
    void updatesKeepWhatChangedBeforeAndAfterAndTheHistoryCannotBeEdited() {
        String handle = uniqueHandle();
        String id = create(MINSANTE_CM, handle);
        String renamed = uniqueHandle();
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body("FACEBOOK", renamed)).put("/api/accounts/official/" + id).then().statusCode(200);

        given().header("Authorization", MINSANTE_CM).queryParam("page", 1).queryParam("size", 1)
                .get("/api/accounts/official/" + id + "/history")
                .then().statusCode(200).body("total", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].action", equalTo("OFFICIAL_ACCOUNT_UPDATED"))
                .body("items[0].before", equalTo("{\"handle\":\"" + handle + "\",\"url\":\"https://www.facebook.com/" + handle + "\"}"))
                .body("items[0].after", equalTo("{\"handle\":\"" + renamed + "\",\"url\":\"https://www.facebook.com/" + renamed + "\"}"));

        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).body("{}")
                .put("/api/accounts/official/" + id + "/history").then().statusCode(405);
        given().header("Authorization", MINSANTE_CM).delete("/api/accounts/official/" + id + "/history").then().statusCode(405);
        given().header("Authorization", MINSANTE_CM).contentType(ContentType.JSON).body("{}")
                .post("/api/accounts/official/" + id + "/history").then().statusCode(405);
        given().header("Authorization", MINCOM_CM).get("/api/accounts/official/" + id + "/history").then().statusCode(404);
    }
}
