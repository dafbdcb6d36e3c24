package cm.vigie.accounts.institution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class InstitutionResourceTest {

    private static final String OPERATOR = AccountsTestSupport.OPERATOR;

    @Test
    void operatorsRegisterInstitutionsOnceAndASecondClaimPointsAtTheFirst() {
        String id = AccountsTestSupport.ensureInstitution("minjustice");
        given().header("Authorization", OPERATOR).get("/api/institutions/" + id)
                .then().statusCode(200).body("slug", equalTo("minjustice")).body("status", equalTo("ACTIVE"))
                .header("ETag", "\"0\"");

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"slug\":\"minjustice\",\"nameFr\":\"a\",\"nameEn\":\"b\",\"type\":\"MINISTRY\"}")
                .post("/api/institutions")
                .then().statusCode(409).header("Location", containsString(id));

        given().header("Authorization", OPERATOR).get("/api/institutions?size=100")
                .then().statusCode(200).body("items.slug", hasItem("minjustice"));
    }

    @Test
    void onlyOperatorsManageTheRegistry() {
        AccountsTestSupport.ensureInstitution("minsante");
        given().header("Authorization", TestTokens.bearer("minsante", "admin", "institution-admin"))
                .contentType(ContentType.JSON)
                .body("{\"slug\":\"rogue\",\"nameFr\":\"a\",\"nameEn\":\"b\",\"type\":\"MINISTRY\"}")
                .post("/api/institutions").then().statusCode(403);
    }

    @Test
    void slugsMustBeRealmNames() {
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"slug\":\"Min Santé\",\"nameFr\":\"a\",\"nameEn\":\"b\",\"type\":\"MINISTRY\"}")
                .post("/api/institutions")
                .then().statusCode(400).body("errors.field", hasItem("slug"));
    }

    @Test
    void aSuspendedInstitutionsTokensAreRefusedUntilItIsReactivated() {
        String id = AccountsTestSupport.ensureInstitution("minsuspend");
        String cm = TestTokens.bearer("minsuspend", "cm", "community-manager");
        given().header("Authorization", cm).get("/api/accounts/official").then().statusCode(200);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"reason\":\"contract ended\"}")
                .post("/api/institutions/" + id + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().header("Authorization", cm).header("Accept-Language", "fr").get("/api/accounts/official")
                .then().statusCode(403).body("title", equalTo("Institution suspendue"));

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"reason\":\"renewed\"}")
                .post("/api/institutions/" + id + "/reactivate").then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().header("Authorization", cm).get("/api/accounts/official").then().statusCode(200);
    }

    @Test
    void theInternalDirectoryNeedsTheServiceKey() {
        AccountsTestSupport.ensureInstitution("minsante");
        given().get("/internal/institutions").then().statusCode(401);
        given().header("X-Vigie-Service-Key", TestIdentityProvider.SERVICE_KEY).get("/internal/institutions")
                .then().statusCode(200).body("slug", hasItem("minsante"));
    }

    @Test
    void healthChecksTheDatabaseAndMetricsAreExposed() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
