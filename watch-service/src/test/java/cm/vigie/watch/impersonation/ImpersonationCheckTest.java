package cm.vigie.watch.impersonation;

import static cm.vigie.watch.WatchTestSupport.CM;
import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static cm.vigie.watch.WatchTestSupport.mention;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** New authors are scored by accounts-service once per batch; when it is down, ingestion still succeeds and a job catches up. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
// Restricted: a fresh application and database for this class, so that authors other test classes left pending
// (and the failures of their checks against a stub without mappings) cannot mix into the calls verified here.
@QuarkusTestResource(value = AccountsServiceStub.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImpersonationCheckTest {

    static final String SCORE = "/internal/accounts/impersonation/score";

    @BeforeEach
    void reset() {
        AccountsServiceStub.server.resetAll();
    }

    static String verdicts(String... verdicts) {
        StringBuilder results = new StringBuilder("{\"results\":[");
        for (int i = 0; i < verdicts.length; i++) {
            results.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"verdict\":\"").append(verdicts[i])
                    .append("\",\"score\":").append(verdicts[i].equals("LIKELY_IMPERSONATION") ? 0.93 : 0.1)
                    .append(",\"closest\":{\"handle\":\"minsantecm\"},\"signals\":[]}");
        }
        return results.append("]}").toString();
    }

    static void awaitAlert(String handle, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            int count = as(CM).queryParam("ruleType", "IMPERSONATION").get("/api/watch/alerts").then().extract()
                    .jsonPath().getList("items.findAll { it.authorHandle == '" + handle + "' }").size();
            if (count > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no IMPERSONATION alert for " + handle);
    }

    @Test
    @Order(1)
    void distinctNewAuthorsAreScoredOncePerBatchAndImpostorsRaiseAlerts() throws Exception {
        String impostor = "minsante_officiel_" + UUID.randomUUID().toString().substring(0, 6);
        String citizen = "yaounde_citizen_" + UUID.randomUUID().toString().substring(0, 6);
        AccountsServiceStub.server.stubFor(post(urlEqualTo(SCORE))
                .withHeader("X-Vigie-Service-Key", equalTo(TestIdentityProvider.SERVICE_KEY))
                .withHeader("X-Vigie-Institution", equalTo("minsante"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(verdicts("LIKELY_IMPERSONATION", "UNRELATED"))));

        as(CM).body(batch(mention(null, "Recevez votre aide COVID ici", impostor), mention(null, "Merci au ministère", citizen),
                mention(null, "Envoyez 5000 FCFA pour l'aide", impostor)))
                .post("/api/watch/mentions/batch").then().statusCode(202).body("accepted", is(3));
        awaitAlert(impostor, 40);

        // one call per batch for its distinct new authors, sorted (a slow first answer may make the job ask once more)
        AccountsServiceStub.server.verify(moreThanOrExactly(1), postRequestedFor(urlEqualTo(SCORE))
                .withRequestBody(matchingJsonPath("$.candidates.length()", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.candidates[0].handle", equalTo(impostor)))
                .withRequestBody(containing("\"platform\":\"FACEBOOK\"")));
        as(CM).queryParam("ruleType", "IMPERSONATION").get("/api/watch/alerts").then()
                .body("items.find { it.authorHandle == '" + impostor + "' }.mentionCount", is(2))
                .body("items.find { it.authorHandle == '" + impostor + "' }.severity", is("HIGH"));

        // authors already checked are not asked again
        Thread.sleep(2000);
        int calls = AccountsServiceStub.server.findAll(postRequestedFor(urlEqualTo(SCORE))).size();
        as(CM).body(batch(mention(null, "Encore une arnaque", impostor))).post("/api/watch/mentions/batch").then().statusCode(202);
        Thread.sleep(2000);
        assertEquals(calls, AccountsServiceStub.server.findAll(postRequestedFor(urlEqualTo(SCORE))).size());
    }

    @Test
    @Order(2)
    void whenAccountsServiceIsDownIngestionSucceedsAndTheJobCompletesTheCheckLater() throws Exception {
        String impostor = "ministre_sante_vrai_" + UUID.randomUUID().toString().substring(0, 6);
        AccountsServiceStub.server.stubFor(post(urlEqualTo(SCORE)).willReturn(aResponse().withStatus(503)));

        long started = System.nanoTime();
        as(CM).body(batch(mention(null, "Je suis le vrai ministre, contactez-moi", impostor)))
                .post("/api/watch/mentions/batch").then().statusCode(202).body("accepted", is(1));
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "ingestion does not wait for accounts-service");
        Thread.sleep(2500);
        assertEquals(0, as(CM).queryParam("ruleType", "IMPERSONATION").get("/api/watch/alerts").then().extract()
                .jsonPath().getList("items.findAll { it.authorHandle == '" + impostor + "' }").size());

        AccountsServiceStub.server.resetAll();
        AccountsServiceStub.server.stubFor(post(urlEqualTo(SCORE))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(verdicts("LIKELY_IMPERSONATION"))));
        // the circuit breaker may be open for a while after the failures: the job keeps trying until it closes
        awaitAlert(impostor, 40);
    }
}
