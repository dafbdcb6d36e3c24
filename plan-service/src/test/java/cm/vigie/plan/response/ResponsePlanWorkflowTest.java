package cm.vigie.plan.response;

import static cm.vigie.plan.PlanTestSupport.ADMIN;
import static cm.vigie.plan.PlanTestSupport.APPROVER;
import static cm.vigie.plan.PlanTestSupport.CM;
import static cm.vigie.plan.PlanTestSupport.MINCOM_CM;
import static cm.vigie.plan.PlanTestSupport.VIEWER;
import static cm.vigie.plan.PlanTestSupport.action;
import static cm.vigie.plan.PlanTestSupport.idFrom;
import static cm.vigie.plan.PlanTestSupport.officialAccount;
import static cm.vigie.plan.PlanTestSupport.post;
import static cm.vigie.plan.PlanTestSupport.read;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.plan.PlanTestResource;
import cm.vigie.plan.WatchStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class ResponsePlanWorkflowTest {

    static final String PATH = "/api/plans/responses";

    @Inject
    EscalationJob escalations;

    static String fromAlert(UUID alertId, String extra) {
        return """
                {"alertId":"%s","title":"Rumeur HPV"%s}""".formatted(alertId, extra);
    }

    static final String DECIDED = """
            ,"threat":{"reach":25000,"velocity":120,"harm":"%s"},"decision":"RESPOND","rationale":"Diffusion rapide",
            "countermeasures":["C00119","C00200"],"holdingStatement":{"fr":"Nous vérifions.","en":"We are checking."},
            "factChecks":[{"title":"HPV et fertilité","url":"https://factcheck.example.cm/hpv"}]""";

    @Test
    void draftedFromAnAlertWithTheDeadlineOfItsSeverity() {
        UUID watchlist = UUID.randomUUID();
        UUID alert = WatchStubs.alert("HIGH", watchlist, null);
        var created = post(CM, PATH, fromAlert(alert, ""));
        created.then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("severity", equalTo("HIGH"))
                .body("watchlistId", equalTo(watchlist.toString()))
                .body("sourceVerified", equalTo(true))
                .body("fastTrack", equalTo(false))
                .body("approvals", hasSize(0))
                .body("version", equalTo(0));
        Instant createdAt = Instant.parse(created.path("createdAt"));
        Instant deadline = Instant.parse(created.path("deadline"));
        assertEquals(Duration.ofHours(6), Duration.between(createdAt, deadline));
        PlanTestResource.stubs().verify(getRequestedFor(urlEqualTo("/api/watch/alerts/" + alert))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(CM)));
    }

    @Test
    void theAssessedHarmSetsTheDeadlineAndCriticalGoesOnTheFastTrack() {
        var critical = post(CM, PATH, fromAlert(WatchStubs.alert("LOW", null, null), DECIDED.formatted("CRITICAL")));
        critical.then().statusCode(201).body("severity", equalTo("CRITICAL")).body("fastTrack", equalTo(true));
        assertEquals(Duration.ofHours(2), Duration.between(Instant.parse(critical.path("createdAt")), Instant.parse(critical.path("deadline"))));
        var low = post(CM, PATH, """
                {"hoaxId":"%s","title":"Faux résultats","threat":{"harm":"LOW"}}""".formatted(WatchStubs.hoax()));
        low.then().statusCode(201).body("severity", equalTo("LOW"));
        assertEquals(Duration.ofHours(72), Duration.between(Instant.parse(low.path("createdAt")), Instant.parse(low.path("deadline"))));
    }

    @Test
    void unknownSourcesAnswer422AndAMissingSource400() {
        UUID alert = UUID.randomUUID();
        WatchStubs.missing("/api/watch/alerts/" + alert);
        post(CM, PATH, fromAlert(alert, "")).then().statusCode(422).body("errors[0].field", equalTo("alertId"));
        UUID hoax = UUID.randomUUID();
        WatchStubs.missing("/api/watch/hoaxes/" + hoax);
        post(CM, PATH, "{\"hoaxId\":\"" + hoax + "\",\"title\":\"x\"}").then().statusCode(422).body("errors[0].field", equalTo("hoaxId"));
        post(CM, PATH, "{\"title\":\"sans source\"}").then().statusCode(400).body("errors.field", hasItem("alertId"));
        post(CM, PATH, fromAlert(WatchStubs.alert("LOW", null, null), ",\"countermeasures\":[\"C99999\"]")).then().statusCode(400)
                .body("errors[0].field", equalTo("countermeasures[0]"));
        post(CM, PATH, fromAlert(WatchStubs.alert("LOW", null, null), ",\"decision\":\"RESPOND\"")).then().statusCode(400)
                .body("errors.field", hasItem("rationaleGiven"));
    }

    @Test
    void watchServiceDownStillAcceptsThePlanUnverifiedWithAWarning() {
        UUID alert = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlEqualTo("/api/watch/alerts/" + alert)).willReturn(aResponse().withStatus(503)));
        post(CM, PATH, fromAlert(alert, "")).then().statusCode(201)
                .body("sourceVerified", equalTo(false))
                .body("severity", equalTo("MEDIUM"))
                .body("warnings[0]", containsString("watch-service answered 503"));
        UUID slow = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlEqualTo("/api/watch/alerts/" + slow))
                .willReturn(WatchStubs.json(200, "{}").withFixedDelay(1500)));
        post(CM, PATH, fromAlert(slow, "")).then().statusCode(201)
                .body("sourceVerified", equalTo(false))
                .body("warnings[0]", containsString("did not answer within 500 ms"));
    }

    @Test
    void rebuttalChannelsAreCheckedAgainstAccountsService() {
        UUID unknown = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlEqualTo("/api/accounts/official/" + unknown))
                .willReturn(aResponse().withStatus(404)));
        String rebuttals = ",\"rebuttals\":[{\"channelId\":\"%s\",\"fr\":\"Faux.\",\"en\":\"False.\"},{\"channelId\":\"%s\",\"fr\":\"Faux.\",\"en\":\"False.\"}]";
        post(CM, PATH, fromAlert(WatchStubs.alert("LOW", null, null), rebuttals.formatted(officialAccount(), unknown)))
                .then().statusCode(422).body("errors[0].field", equalTo("rebuttals[1].channelId"));
        UUID known = officialAccount();
        post(CM, PATH, fromAlert(WatchStubs.alert("LOW", null, null), rebuttals.formatted(known, known)))
                .then().statusCode(201).body("rebuttals", hasSize(2));
    }

    @Test
    void respondThenPublishThenCloseWithTheHoaxVolumeBeforeAndAfter() {
        UUID hoax = WatchStubs.hoax();
        UUID alert = WatchStubs.alert("HIGH", UUID.randomUUID(), hoax);
        String id = idFrom(post(CM, PATH, fromAlert(alert, DECIDED.formatted("HIGH"))).then().statusCode(201)
                .body("hoaxId", equalTo(hoax.toString())).extract().response());
        action(CM, PATH + "/" + id + "/publish", null).then().statusCode(409);
        action(CM, PATH + "/" + id + "/submit", "urgent").then().statusCode(200).body("status", equalTo("IN_REVIEW"))
                .body("submittedAt", notNullValue());
        action(CM, PATH + "/" + id + "/approve", null).then().statusCode(403);
        action(APPROVER, PATH + "/" + id + "/approve", "go").then().statusCode(200).body("status", equalTo("APPROVED"));
        action(CM, PATH + "/" + id + "/close", null).then().statusCode(409);
        var published = action(CM, PATH + "/" + id + "/publish", "publié à 11 h 40");
        published.then().statusCode(200).body("status", equalTo("PUBLISHED"));
        String pivot = published.path("publishedAt");
        WatchStubs.volume("/api/watch/analytics/hoaxes", "hoaxId", hoax,
                Instant.parse(pivot).minus(Duration.ofHours(24)).toString(), 800);
        WatchStubs.volume("/api/watch/analytics/hoaxes", "hoaxId", hoax, Instant.parse(pivot).toString(), 200);
        action(CM, PATH + "/" + id + "/close", "retombée").then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("outcome.status", equalTo("AVAILABLE"))
                .body("outcome.measured", equalTo("HOAX"))
                .body("outcome.before", equalTo(800))
                .body("outcome.after", equalTo(200))
                .body("outcome.changePercent", equalTo(-75.0f))
                .body("outcome.comment", equalTo("retombée"))
                .body("closedAt", notNullValue());
        action(CM, PATH + "/" + id + "/close", null).then().statusCode(409);
        read(VIEWER, PATH + "/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "SUBMITTED", "APPROVED", "PUBLISHED", "CLOSED")))
                .body("actor", equalTo(List.of("cm", "cm", "approver", "cm", "cm")));
    }

    @Test
    void closingWhileWatchServiceIsDownKeepsTheOutcomeUnavailableWithTheReason() {
        UUID hoax = WatchStubs.hoax();
        String id = idFrom(post(CM, PATH, """
                {"hoaxId":"%s","title":"Silence","threat":{"reach":100,"velocity":1,"harm":"LOW"},"decision":"MONITOR_ONLY","rationale":"Confiné"}"""
                .formatted(hoax)));
        PlanTestResource.stubs().stubFor(get(urlPathEqualTo("/api/watch/analytics/hoaxes"))
                .withQueryParam("hoaxId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(hoax.toString()))
                .willReturn(aResponse().withStatus(502)));
        action(CM, PATH + "/" + id + "/submit", null).then().statusCode(200);
        action(APPROVER, PATH + "/" + id + "/approve", null).then().statusCode(200);
        action(CM, PATH + "/" + id + "/publish", null).then().statusCode(409)
                .body("detail", containsString("RESPOND"));
        action(CM, PATH + "/" + id + "/close", null).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("outcome.status", equalTo("UNAVAILABLE"))
                .body("outcome.reason", containsString("watch-service answered 502"));
    }

    @Test
    void submitNeedsADecisionAndOnlyDraftsAreEdited() {
        String id = idFrom(post(CM, PATH, fromAlert(WatchStubs.alert("MEDIUM", null, null), "")));
        action(CM, PATH + "/" + id + "/submit", null).then().statusCode(400).body("errors[0].field", equalTo("decision"));
        given().header("Authorization", CM).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(fromAlert(UUID.randomUUID(), DECIDED.formatted("MEDIUM"))).put(PATH + "/" + id)
                .then().statusCode(200).body("decision", equalTo("RESPOND")).body("version", equalTo(1));
        action(CM, PATH + "/" + id + "/submit", null).then().statusCode(200);
        given().header("Authorization", CM).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(fromAlert(UUID.randomUUID(), DECIDED.formatted("MEDIUM"))).put(PATH + "/" + id)
                .then().statusCode(409);
        read(CM, PATH + "/" + id + "/history").then().body("[1].action", equalTo("EDITED"))
                .body("[1].before.decision", equalTo(null)).body("[1].after.decision", equalTo("RESPOND"));
    }

    @Test
    void aCriticalPlanNotApprovedInTimeIsEscalatedAndListed() {
        String id = idFrom(post(CM, PATH, fromAlert(WatchStubs.alert("CRITICAL", null, null), DECIDED.formatted("CRITICAL"))));
        String other = idFrom(post(CM, PATH, fromAlert(WatchStubs.alert("HIGH", null, null), DECIDED.formatted("HIGH"))));
        read(VIEWER, "/api/plans/escalations").then().statusCode(200).body("id", not(hasItem(id)));

        assertTrue(escalations.escalate(Instant.now().plus(Duration.ofMinutes(31))) >= 1);
        read(VIEWER, "/api/plans/escalations").then().statusCode(200)
                .body("id", hasItem(id)).body("id", not(hasItem(other)));
        read(CM, PATH + "/" + id).then().body("escalated", equalTo(true)).body("escalatedAt", notNullValue());
        read(MINCOM_CM, "/api/plans/escalations").then().statusCode(200).body("id", not(hasItem(id)));
        read(CM, PATH + "/" + id + "/history").then().body("action", hasItem("ESCALATED")).body("actor", hasItem("system"));

        // the crisis fast track: one approval suffices whatever the policy, and the plan leaves the escalation list
        action(CM, PATH + "/" + id + "/submit", null).then().statusCode(200);
        action(ADMIN, PATH + "/" + id + "/approve", null).then().statusCode(200).body("status", equalTo("APPROVED"));
        read(VIEWER, "/api/plans/escalations").then().body("id", not(hasItem(id)));
    }

    @Test
    void anotherInstitutionGetsTheSame404AsForAMissingId() {
        String id = idFrom(post(CM, PATH, fromAlert(WatchStubs.alert("LOW", null, null), "")));
        read(MINCOM_CM, PATH + "/" + id).then().statusCode(404);
        action(MINCOM_CM, PATH + "/" + id + "/submit", null).then().statusCode(404);
        read(MINCOM_CM, PATH + "/" + id + "/history").then().statusCode(404);
        read(MINCOM_CM, PATH).then().statusCode(200).body("items.id", not(hasItem(id)));
        read(CM, PATH + "?status=DRAFT&size=100").then().statusCode(200).body("items.id", hasItem(id));
    }
}
