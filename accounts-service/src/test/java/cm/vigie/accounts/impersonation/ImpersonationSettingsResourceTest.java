package cm.vigie.accounts.impersonation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
class ImpersonationSettingsResourceTest {

    static final String ADMIN = TestTokens.bearer("minfi", "admin", "institution-admin");
    static final String CM = TestTokens.bearer("minfi", "cm", "community-manager");
    static final String OTHER_ADMIN = TestTokens.bearer("minjustice", "admin", "institution-admin");

    @BeforeEach
    void institutions() {
        AccountsTestSupport.ensureInstitution("minfi");
        AccountsTestSupport.ensureInstitution("minjustice");
    }

    @Test
    void anAdminSetsTheThresholdWithIfMatchAndOnlyForTheirInstitution() {
        given().header("Authorization", CM).get("/api/accounts/impersonation/settings").then().statusCode(200)
                .header("ETag", "\"0\"").body("threshold", equalTo(0.6f)).body("defaultSlaDays", equalTo(7))
                .body("defaults", equalTo(true));
        given().header("Authorization", CM).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"threshold\":0.5,\"defaultSlaDays\":5}").put("/api/accounts/impersonation/settings").then().statusCode(403);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"threshold\":0.5,\"defaultSlaDays\":5}").put("/api/accounts/impersonation/settings").then().statusCode(428);
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"threshold\":1.5,\"defaultSlaDays\":0}").put("/api/accounts/impersonation/settings")
                .then().statusCode(400).body("errors.field", hasItem("threshold")).body("errors.field", hasItem("defaultSlaDays"));
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"threshold\":0.5,\"defaultSlaDays\":5}").put("/api/accounts/impersonation/settings")
                .then().statusCode(200).header("ETag", "\"1\"").body("threshold", equalTo(0.5f)).body("defaults", equalTo(false));
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"threshold\":0.7,\"defaultSlaDays\":5}").put("/api/accounts/impersonation/settings").then().statusCode(412);

        given().header("Authorization", OTHER_ADMIN).get("/api/accounts/impersonation/settings").then()
                .body("threshold", equalTo(0.6f)).body("defaults", equalTo(true));
        given().header("Authorization", CM).get("/api/accounts/impersonation/settings/history").then().statusCode(200)
                .body("action", contains("IMPERSONATION_SETTINGS_UPDATED"))
                .body("[0].from", equalTo("threshold=0.6,sla=7")).body("[0].to", equalTo("threshold=0.5,sla=5"))
                .body("[0].actor", equalTo("admin"));
        given().header("Authorization", OTHER_ADMIN).get("/api/accounts/impersonation/settings/history").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasSize(0));

        // a new case takes the institution's default SLA
        given().header("Authorization", CM).contentType(ContentType.JSON).body("{\"platform\":\"X\",\"handle\":\"minfi_0fficiel\"}")
                .post("/api/accounts/suspects").then().statusCode(201).body("slaDays", equalTo(5));
        given().header("Authorization", ADMIN).get("/api/accounts/impersonation/settings/../settings").then().statusCode(200);
        given().header("Authorization", ADMIN).get("/api/accounts/me").then().statusCode(200);
        given().header("Authorization", CM).queryParam("size", 1).get("/api/accounts/suspects").then().statusCode(200);
        given().header("Authorization", ADMIN).get("/api/accounts/impersonation/settings").then()
                .body("threshold", equalTo(0.5f));
        given().header("Authorization", ADMIN).get("/api/accounts/suspects?status=SUSPECTED").then()
                .body("items.handle", contains("minfi_0fficiel"));
    }
}
