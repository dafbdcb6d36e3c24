package cm.vigie.plan.countermeasure;

import static cm.vigie.plan.PlanTestSupport.ANALYST;
import static cm.vigie.plan.PlanTestSupport.post;
import static cm.vigie.plan.PlanTestSupport.read;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class CountermeasureTest {

    static final String PATH = "/api/plans/countermeasures";

    @Test
    void theCatalogueCarriesDisarmIdsAndBilingualGuidance() {
        read(TestTokens.bearer("platform", "op", "platform-admin"), PATH).then().statusCode(200)
                .body("id", hasItems("C00125", "C00119", "C00114", "C00178", "C00200"))
                .body("id", everyItem(matchesPattern("C\\d{5}")))
                .body("find { it.id == 'C00125' }.name", equalTo("Prebunking"))
                .body("find { it.id == 'C00114' }.name", equalTo("Don't engage with payloads"))
                .body("find { it.id == 'C00178' }.name", equalTo("Fill information voids with non-disinformation content"))
                .body("descriptionFr", everyItem(notNullValue()))
                .body("whenToUseEn", everyItem(notNullValue()));
    }

    @Test
    void aContainedLowHarmRumourIsNotAmplified() {
        post(ANALYST, PATH + "/recommend", """
                {"reach":300,"velocity":2,"harm":"MEDIUM"}""").then().statusCode(200)
                .body("suggestedDecision", equalTo("DO_NOT_AMPLIFY"))
                .body("countermeasures[0].id", equalTo("C00114"))
                .body("countermeasures.id", not(hasItem("C00119")));
        post(ANALYST, PATH + "/recommend", """
                {"reach":50,"velocity":0.5,"harm":"LOW"}""").then().statusCode(200)
                .body("suggestedDecision", equalTo("MONITOR_ONLY"));
    }

    @Test
    void aFastCriticalKnownHoaxGetsAnAlertTrustedVoicesAndTheExistingDebunkWithReasons() {
        given().header("Authorization", ANALYST).header("Accept-Language", "fr").contentType(ContentType.JSON).body("""
                {"reach":250000,"velocity":900,"harm":"CRITICAL","hoaxKnown":true,"mediaInterest":true}""")
                .post(PATH + "/recommend").then().statusCode(200)
                .body("suggestedDecision", equalTo("RESPOND"))
                .body("countermeasures[0].id", equalTo("C00119"))
                .body("countermeasures.id", hasItems("C00126", "C00200", "C00008", "C00154", "C00117", "C00220"))
                .body("countermeasures.id", not(hasItem("C00114")))
                .body("countermeasures.find { it.id == 'C00126' }.reasons[0]", containsString("Préjudice critique"))
                .body("decisionReason", containsString("Répondre"));
    }

    @Test
    void voidsAndComingEventsCallForFillingAndPrebunking() {
        post(ANALYST, PATH + "/recommend", """
                {"reach":2000,"velocity":20,"harm":"MEDIUM","informationVoid":true,"upcomingEvent":true}""").then().statusCode(200)
                .body("countermeasures.id", hasItems("C00178", "C00125"));
    }

    @Test
    void anAssessmentWithoutHarmAnswers400() {
        post(ANALYST, PATH + "/recommend", "{\"reach\":-1}").then().statusCode(400)
                .body("errors.field", hasItems("harm", "reach"));
    }
}
