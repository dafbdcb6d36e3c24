package cm.vigie.plan.caller;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TenancyContract;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** plan-service accepts tokens of the institutions accounts-service knows, and only those (see {@link TenancyContract}). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
@TestProfile(TenancyContract.FastDirectory.class)
class PlanCallerResourceTest extends TenancyContract {

    @Override
    protected String me() {
        return "/api/plans/me";
    }

    @Test
    void healthChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Database connections health check"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
