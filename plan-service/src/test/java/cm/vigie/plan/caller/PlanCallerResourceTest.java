package cm.vigie.plan.caller;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** plan-service accepts tokens of the institutions accounts-service knows, and only those. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
@TestProfile(PlanCallerResourceTest.FastDirectory.class)
class PlanCallerResourceTest {

    public static class FastDirectory implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("vigie.institutions.max-age", "1s");
        }
    }

    private static final String ME = "/api/plans/me";

    @Test
    void tokensOfTwoInstitutionRealmsAreAccepted() {
        given().header("Authorization", TestTokens.bearer("minsante", "analyst", "analyst")).get(ME)
                .then().statusCode(200).body("institution", equalTo("minsante"));
        given().header("Authorization", TestTokens.bearer("mincom", "viewer", "viewer")).get(ME)
                .then().statusCode(200).body("institution", equalTo("mincom"));
    }

    @Test
    void unknownRealmsForeignIssuersAndMissingTokensAnswer401() {
        given().get(ME).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("ghost", "cm", "community-manager")).get(ME)
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.realm("minsante").issuer("http://127.0.0.1:9/realms/minsante").sign())
                .get(ME).then().statusCode(401);
        assertEquals(0, TestIdentityProvider.get().hits("/realms/ghost"));
    }

    @Test
    void aSuspensionInAccountsServiceIsEnforcedWithinTheDirectoryRefresh() throws InterruptedException {
        TestIdentityProvider idp = TestIdentityProvider.get();
        idp.institution("minsuspended", "ACTIVE");
        String bearer = TestTokens.bearer("minsuspended", "cm", "community-manager");
        assertEquals(200, statusWithin(bearer, 200), "a newly registered institution is accepted");

        idp.institution("minsuspended", "SUSPENDED");
        assertEquals(403, statusWithin(bearer, 403), "its suspension is enforced");
        given().header("Authorization", bearer).get(ME).then().statusCode(403)
                .body("type", equalTo("https://vigie.cm/problems/institution-suspended"));
        idp.institution("minsuspended", "ACTIVE");
    }

    /** Polls for up to 10 s until the expected status comes (the directory refreshes every second here). */
    private static int statusWithin(String bearer, int expected) throws InterruptedException {
        int status = given().header("Authorization", bearer).get(ME).statusCode();
        for (int attempt = 0; attempt < 50 && status != expected; attempt++) {
            Thread.sleep(200);
            status = given().header("Authorization", bearer).get(ME).statusCode();
        }
        return status;
    }

    @Test
    void healthChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Database connections health check"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
