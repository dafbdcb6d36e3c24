package cm.vigie.plan.watch;

import static cm.vigie.plan.PlanTestSupport.CM;
import static cm.vigie.plan.PlanTestSupport.VIEWER;
import static cm.vigie.plan.PlanTestSupport.idFrom;
import static cm.vigie.plan.PlanTestSupport.post;
import static cm.vigie.plan.PlanTestSupport.read;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.plan.PlanTestResource;
import cm.vigie.plan.WatchStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Live KPIs read from watch-service: success, 5xx, timeout, and the short cache. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class WatchClientTest {

    static final String PLANS = "/api/plans/communication-plans";

    static String plan(UUID volumeList, UUID negativeList, UUID hoax, UUID slaList) {
        return """
                {"title":"KPI","periodStart":"2026-01-01","periodEnd":"2026-03-31","objectives":[
                 {"statement":"Plus de mentions","kpi":{"type":"MENTION_VOLUME","watchlistId":"%s","baseline":1000,"target":2000,"direction":"INCREASE"}},
                 {"statement":"Moins de négatif","kpi":{"type":"NEGATIVE_SHARE","watchlistId":"%s","baseline":40,"target":20,"direction":"DECREASE"}},
                 {"statement":"Faire taire l'infox","kpi":{"type":"HOAX_MENTIONS","hoaxId":"%s","baseline":500,"target":100,"direction":"DECREASE"}},
                 {"statement":"Alertes traitées à temps","kpi":{"type":"ALERTS_RESOLVED_IN_SLA","watchlistId":"%s","target":90,"direction":"INCREASE"}},
                 {"statement":"Notoriété (sondage)","kpi":{"type":"MANUAL","baseline":30,"target":50,"direction":"INCREASE","manualValue":35}}]}"""
                .formatted(volumeList, negativeList, hoax, slaList);
    }

    @Test
    void eachObjectiveIsMeasuredFromWatchAnalyticsWithTheCallersToken() {
        UUID volume = UUID.randomUUID();
        UUID negative = UUID.randomUUID();
        UUID hoax = UUID.randomUUID();
        UUID sla = UUID.randomUUID();
        WatchStubs.volume("/api/watch/analytics/volume", "watchlistId", volume, "2026-01-01T00:00:00Z", 1500);
        PlanTestResource.stubs().stubFor(get(urlPathEqualTo("/api/watch/analytics/sentiment"))
                .withQueryParam("watchlistId", WireMock.equalTo(negative.toString()))
                .willReturn(WatchStubs.json(200, """
                        {"series": [{"bucket": "2026-01-01T00:00:00+01:00", "positive": 50, "neutral": 20, "negative": 30}],
                         "totals": {"positive": 50, "neutral": 20, "negative": 30, "negativeShare": 0.3}}""")));
        WatchStubs.volume("/api/watch/analytics/hoaxes", "hoaxId", hoax, null, 80);
        PlanTestResource.stubs().stubFor(get(urlPathEqualTo("/api/watch/analytics/alerts-sla"))
                .withQueryParam("watchlistId", WireMock.equalTo(sla.toString()))
                .willReturn(WatchStubs.json(200, """
                        {"total": 20, "resolvedInSla": 19, "share": 0.95, "bySeverity": [
                          {"severity": "HIGH", "slaMinutes": 60, "total": 20, "resolvedInSla": 19, "share": 0.95}]}""")));
        String id = idFrom(post(CM, PLANS, plan(volume, negative, hoax, sla)));

        read(VIEWER, PLANS + "/" + id + "/kpis").then().statusCode(200)
                .body("values[0].status", equalTo("AVAILABLE"))
                .body("values[0].value", equalTo(1500.0f))
                .body("values[0].progress", equalTo(50.0f))
                .body("values[0].achieved", equalTo(false))
                .body("values[1].value", equalTo(30.0f))
                .body("values[1].progress", equalTo(50.0f))
                .body("values[2].value", equalTo(80.0f))
                .body("values[2].achieved", equalTo(true))
                .body("values[3].value", equalTo(95.0f))
                .body("values[3].achieved", equalTo(true))
                .body("values[4].value", equalTo(35.0f))
                .body("from", equalTo("2026-01-01T00:00:00Z"))
                .body("to", equalTo("2026-04-01T00:00:00Z"));
        PlanTestResource.stubs().verify(getRequestedFor(urlPathEqualTo("/api/watch/analytics/volume"))
                .withQueryParam("watchlistId", WireMock.equalTo(volume.toString()))
                .withQueryParam("from", WireMock.equalTo("2026-01-01T00:00:00Z"))
                .withQueryParam("to", WireMock.equalTo("2026-04-01T00:00:00Z"))
                .withQueryParam("interval", WireMock.equalTo("DAY"))
                .withHeader("Authorization", WireMock.equalTo(VIEWER)));
        PlanTestResource.stubs().verify(getRequestedFor(urlPathEqualTo("/api/watch/analytics/sentiment"))
                .withQueryParam("watchlistId", WireMock.equalTo(negative.toString()))
                .withQueryParam("from", WireMock.equalTo("2026-01-01T00:00:00Z"))
                .withHeader("Authorization", WireMock.equalTo(VIEWER)));
        PlanTestResource.stubs().verify(getRequestedFor(urlPathEqualTo("/api/watch/analytics/alerts-sla"))
                .withQueryParam("watchlistId", WireMock.equalTo(sla.toString()))
                .withQueryParam("to", WireMock.equalTo("2026-04-01T00:00:00Z")));
    }

    @Test
    void sharesWithNothingToMeasureAreUnavailableWithTheReason() {
        UUID quiet = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlPathEqualTo("/api/watch/analytics/sentiment"))
                .withQueryParam("watchlistId", WireMock.equalTo(quiet.toString()))
                .willReturn(WatchStubs.json(200, """
                        {"series": [], "totals": {"positive": 0, "neutral": 0, "negative": 0, "negativeShare": null}}""")));
        PlanTestResource.stubs().stubFor(get(urlPathEqualTo("/api/watch/analytics/alerts-sla"))
                .withQueryParam("watchlistId", WireMock.equalTo(quiet.toString()))
                .willReturn(WatchStubs.json(200, """
                        {"total": 0, "resolvedInSla": 0, "share": null, "bySeverity": []}""")));
        String id = idFrom(post(CM, PLANS, """
                {"title":"Calme","periodStart":"2026-01-01","periodEnd":"2026-01-31","objectives":[
                 {"statement":"Négatif","kpi":{"type":"NEGATIVE_SHARE","watchlistId":"%1$s","target":20,"direction":"DECREASE"}},
                 {"statement":"SLA","kpi":{"type":"ALERTS_RESOLVED_IN_SLA","watchlistId":"%1$s","target":90,"direction":"INCREASE"}}]}"""
                .formatted(quiet)));
        read(VIEWER, PLANS + "/" + id + "/kpis").then().statusCode(200)
                .body("values[0].status", equalTo("UNAVAILABLE"))
                .body("values[0].reason", containsString("no scored mention"))
                .body("values[1].status", equalTo("UNAVAILABLE"))
                .body("values[1].reason", containsString("no alert of the period"));
    }

    @Test
    void sharesAreUnavailableWithWhyWhenWatchServiceIsDown() {
        UUID down = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlPathEqualTo("/api/watch/analytics/sentiment"))
                .withQueryParam("watchlistId", WireMock.equalTo(down.toString())).willReturn(aResponse().withStatus(503)));
        PlanTestResource.stubs().stubFor(get(urlPathEqualTo("/api/watch/analytics/alerts-sla"))
                .withQueryParam("watchlistId", WireMock.equalTo(down.toString())).willReturn(aResponse().withStatus(502)));
        String id = idFrom(post(CM, PLANS, """
                {"title":"Panne","periodStart":"2026-01-01","periodEnd":"2026-01-31","objectives":[
                 {"statement":"Négatif","kpi":{"type":"NEGATIVE_SHARE","watchlistId":"%1$s","target":20,"direction":"DECREASE"}},
                 {"statement":"SLA","kpi":{"type":"ALERTS_RESOLVED_IN_SLA","watchlistId":"%1$s","target":90,"direction":"INCREASE"}}]}"""
                .formatted(down)));
        read(VIEWER, PLANS + "/" + id + "/kpis").then().statusCode(200)
                .body("values[0].status", equalTo("UNAVAILABLE"))
                .body("values[0].reason", containsString("watch-service answered 503"))
                .body("values[1].status", equalTo("UNAVAILABLE"))
                .body("values[1].reason", containsString("watch-service answered 502"));
    }

    @Test
    void watchServiceFailingOrSlowStillAnswers200WithValuesUnavailableAndWhy() {
        UUID failing = UUID.randomUUID();
        UUID slow = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlPathEqualTo("/api/watch/analytics/volume"))
                .withQueryParam("watchlistId", WireMock.equalTo(failing.toString())).willReturn(aResponse().withStatus(500)));
        PlanTestResource.stubs().stubFor(get(urlPathEqualTo("/api/watch/analytics/sentiment"))
                .withQueryParam("watchlistId", WireMock.equalTo(slow.toString()))
                .willReturn(WatchStubs.json(200, "{\"negative\":1}").withFixedDelay(2000)));
        UUID unknownHoax = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlPathEqualTo("/api/watch/analytics/hoaxes"))
                .withQueryParam("hoaxId", WireMock.equalTo(unknownHoax.toString())).willReturn(aResponse().withStatus(404)));
        String id = idFrom(post(CM, PLANS, plan(failing, slow, unknownHoax, UUID.randomUUID())));
        read(VIEWER, PLANS + "/" + id + "/kpis").then().statusCode(200)
                .body("values[0].status", equalTo("UNAVAILABLE"))
                .body("values[0].value", nullValue())
                .body("values[0].reason", containsString("watch-service answered 500"))
                .body("values[1].status", equalTo("UNAVAILABLE"))
                .body("values[1].reason", containsString("did not answer within 500 ms"))
                .body("values[2].reason", containsString("does not know"))
                .body("values[4].status", equalTo("AVAILABLE"));
    }

    @Test
    void analyticsAnswersAreCachedBrieflyFailuresNever() {
        UUID list = UUID.randomUUID();
        WatchStubs.volume("/api/watch/analytics/volume", "watchlistId", list, null, 10);
        String id = idFrom(post(CM, PLANS, """
                {"title":"Cache","periodStart":"2026-01-01","periodEnd":"2026-01-31","objectives":[
                 {"statement":"Volume","kpi":{"type":"MENTION_VOLUME","watchlistId":"%s","direction":"INCREASE"}}]}""".formatted(list)));
        read(VIEWER, PLANS + "/" + id + "/kpis").then().body("values[0].value", equalTo(10.0f));
        WatchStubs.volume("/api/watch/analytics/volume", "watchlistId", list, null, 99);
        read(CM, PLANS + "/" + id + "/kpis").then().body("values[0].value", equalTo(10.0f));
        PlanTestResource.stubs().verify(1, getRequestedFor(urlPathEqualTo("/api/watch/analytics/volume"))
                .withQueryParam("watchlistId", WireMock.equalTo(list.toString())));

        UUID flaky = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlPathEqualTo("/api/watch/analytics/volume"))
                .withQueryParam("watchlistId", WireMock.equalTo(flaky.toString())).willReturn(aResponse().withStatus(503)));
        String other = idFrom(post(CM, PLANS, """
                {"title":"Flaky","periodStart":"2026-01-01","periodEnd":"2026-01-31","objectives":[
                 {"statement":"Volume","kpi":{"type":"MENTION_VOLUME","watchlistId":"%s","direction":"INCREASE"}}]}""".formatted(flaky)));
        read(VIEWER, PLANS + "/" + other + "/kpis").then().body("values[0].status", equalTo("UNAVAILABLE"));
        WatchStubs.volume("/api/watch/analytics/volume", "watchlistId", flaky, null, 7);
        read(VIEWER, PLANS + "/" + other + "/kpis").then().body("values[0].value", equalTo(7.0f));
    }

    @Test
    void aPlanWhosePeriodHasNotStartedSaysSo() {
        String id = idFrom(post(CM, PLANS, """
                {"title":"Futur","periodStart":"2099-01-01","periodEnd":"2099-01-31","objectives":[
                 {"statement":"Volume","kpi":{"type":"MENTION_VOLUME","watchlistId":"%s","direction":"INCREASE"}}]}""".formatted(UUID.randomUUID())));
        read(VIEWER, PLANS + "/" + id + "/kpis").then().statusCode(200)
                .body("values[0].status", equalTo("UNAVAILABLE"))
                .body("values[0].reason", containsString("not started"));
    }
}
