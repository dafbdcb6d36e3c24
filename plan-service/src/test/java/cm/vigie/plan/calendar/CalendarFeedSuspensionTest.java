package cm.vigie.plan.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A calendar link carries no token, so no request filter knows whose it is: the feed itself refuses (403) the link
 * of a suspended institution, even when the service was idle since its directory last loaded (no stale answer), and
 * serves it again after reactivation.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class CalendarFeedSuspensionTest {

    @Test
    void aSuspendedInstitutionsFeedAnswers403UntilReactivation() throws Exception {
        TestIdentityProvider idp = TestIdentityProvider.get();
        String slug = "minfeed" + UUID.randomUUID().toString().substring(0, 8);
        idp.institution(slug, "ACTIVE");
        try {
            String viewer = TestTokens.bearer(slug, "viewer", "viewer");
            waitFor(Duration.ofSeconds(10), () -> given().header("Authorization", viewer).get("/api/plans/me").statusCode() == 200);
            String url = given().header("Authorization", viewer).contentType(ContentType.JSON).body("{}")
                    .post("/api/plans/calendar/feeds").then().statusCode(201).extract().path("url");
            String feed = URI.create(url).getRawPath();
            given().get(feed).then().statusCode(200).contentType(containsString("text/calendar"));

            idp.institution(slug, "SUSPENDED");
            // no request meanwhile: the directory is idle and older than its maximum age
            Thread.sleep(InstitutionDirectory.DEFAULT_MAX_AGE.plusSeconds(1).toMillis());
            given().header("Accept-Language", "fr").get(feed).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://vigie.cm/problems/institution-suspended"));

            idp.institution(slug, "ACTIVE");
            waitFor(Duration.ofSeconds(30), () -> given().get(feed).statusCode() == 200);
            given().get(feed).then().statusCode(200).contentType(containsString("text/calendar"));
        } finally {
            idp.institution(slug, null);
        }
    }

    private static void waitFor(Duration within, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant limit = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(100);
        }
    }
}
