package cm.vigie.watch.analytics;

import static cm.vigie.watch.WatchTestSupport.as;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.watch.WatchTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/** Sentiment series and alerts resolved within SLA, on rows written directly into the tables (CONTRACTS.md section 2). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class KpiAnalyticsTest {

    static final String SANTE = "minsante";
    static final short NEGATIVE = -1;
    static final short NEUTRAL = 0;
    static final short POSITIVE = 1;

    @Inject
    DataSource dataSource;

    AnalyticsRows rows;

    @BeforeEach
    void rows() {
        rows = new AnalyticsRows(dataSource);
        // shares are doubles; RestAssured would read them as floats
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
    }

    @AfterEach
    void resetConfig() {
        RestAssured.config = RestAssuredConfig.config();
    }

    @Test
    void sentimentIsBucketedByLocalDayAndLeavesOutUnscoredAndExerciseMentions() {
        // A year of its own (2025) so that mentions other tests ingest "now" do not count.
        UUID watchlist = rows.watchlist(SANTE, "sentiment", null);
        UUID exercise = UUID.randomUUID();
        rows.mention(SANTE, Instant.parse("2025-03-10T10:00:00Z"), NEGATIVE, null, watchlist);
        // 23:30 UTC is 00:30 the next day in Douala (UTC+1)
        rows.mention(SANTE, Instant.parse("2025-03-10T23:30:00Z"), POSITIVE, null, watchlist);
        rows.mention(SANTE, Instant.parse("2025-03-11T08:00:00Z"), NEUTRAL, null, watchlist);
        rows.mention(SANTE, Instant.parse("2025-03-11T09:00:00Z"), null, null, watchlist);
        rows.mention(SANTE, Instant.parse("2025-03-11T09:00:00Z"), NEGATIVE, exercise, watchlist);
        rows.mention(SANTE, Instant.parse("2025-03-10T12:00:00Z"), NEGATIVE, null);
        rows.mention("mincom", Instant.parse("2025-03-10T12:00:00Z"), NEGATIVE, null);
        String range = "&from=2025-03-09T23:00:00Z&to=2025-03-11T23:00:00Z&interval=DAY";

        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/sentiment?tz=Africa/Douala&watchlistId=" + watchlist + range)
                .then().statusCode(200)
                .body("series", hasSize(2))
                .body("series[0].bucket", equalTo("2025-03-10T00:00:00+01:00"))
                .body("series[0].negative", equalTo(1)).body("series[0].positive", equalTo(0)).body("series[0].neutral", equalTo(0))
                .body("series[1].bucket", equalTo("2025-03-11T00:00:00+01:00"))
                .body("series[1].positive", equalTo(1)).body("series[1].neutral", equalTo(1)).body("series[1].negative", equalTo(0))
                .body("totals.positive", equalTo(1)).body("totals.neutral", equalTo(1)).body("totals.negative", equalTo(1))
                .body("totals.negativeShare", closeTo(1.0 / 3, 1e-9));

        // In UTC the positive mention falls on the 10th; the range now starts at the 9th 23:00 UTC, so three buckets.
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/sentiment?tz=UTC&watchlistId=" + watchlist + range)
                .then().statusCode(200)
                .body("series", hasSize(3))
                .body("series[1].bucket", equalTo("2025-03-10T00:00:00Z"))
                .body("series[1].negative", equalTo(1)).body("series[1].positive", equalTo(1));

        // Every mention of the institution, not only the watchlist's; never another institution's
        as(WatchTestSupport.ANALYST).get("/api/watch/analytics/sentiment?" + range.substring(1))
                .then().statusCode(200)
                .body("totals.negative", equalTo(2)).body("totals.positive", equalTo(1)).body("totals.neutral", equalTo(1))
                .body("totals.negativeShare", closeTo(0.5, 1e-9));

        // Only the exercise's mentions when it is asked for
        as(WatchTestSupport.ANALYST).get("/api/watch/analytics/sentiment?exerciseId=" + exercise + "&watchlistId=" + watchlist + range)
                .then().statusCode(200)
                .body("totals.negative", equalTo(1)).body("totals.positive", equalTo(0)).body("totals.negativeShare", closeTo(1.0, 1e-9));

        // Hourly buckets
        as(WatchTestSupport.ANALYST).get("/api/watch/analytics/sentiment?interval=HOUR&tz=Africa/Douala&watchlistId=" + watchlist
                + "&from=2025-03-10T09:00:00Z&to=2025-03-10T12:00:00Z")
                .then().statusCode(200)
                .body("series", hasSize(3))
                .body("series[1].bucket", equalTo("2025-03-10T11:00:00+01:00")).body("series[1].negative", equalTo(1));
    }

    @Test
    void sentimentWithoutScoredMentionsHasANullShareAndBadInputIsRefused() {
        UUID watchlist = rows.watchlist(SANTE, "empty", null);
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/sentiment?watchlistId=" + watchlist
                + "&from=2025-01-01T00:00:00Z&to=2025-01-02T23:00:00Z")
                .then().statusCode(200).body("series", hasSize(2)).body("totals.negative", equalTo(0))
                .body("totals.negativeShare", nullValue());

        as(WatchTestSupport.OTHER_CM).get("/api/watch/analytics/sentiment?watchlistId=" + watchlist)
                .then().statusCode(404).contentType("application/problem+json");
        as(WatchTestSupport.VIEWER).header("Accept-Language", "fr").get("/api/watch/analytics/sentiment?tz=Mars/Olympus")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("timeZone"));
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/sentiment?interval=WEEK").then().statusCode(400).body("errors[0].field", equalTo("interval"));
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/sentiment?from=2025-01-03T00:00:00Z&to=2025-01-01T00:00:00Z")
                .then().statusCode(400);
    }

    @Test
    void alertsResolvedWithinTheirSeveritysSla() {
        UUID watchlist = rows.watchlist(SANTE, "sla", null);
        UUID other = rows.watchlist(SANTE, "sla other", null);
        UUID exercise = UUID.randomUUID();
        Instant day = Instant.parse("2025-04-01T08:00:00Z");
        rows.alert(SANTE, watchlist, "HIGH", day, 30, null);           // in SLA (60)
        rows.alert(SANTE, watchlist, "HIGH", day, 90, null);           // late
        rows.alert(SANTE, watchlist, "CRITICAL", day, 10, null);       // in SLA (30)
        rows.alert(SANTE, watchlist, "LOW", day, null, null);          // never resolved, deadline long past
        rows.alert(SANTE, watchlist, "MEDIUM", day, 5, exercise);      // exercise: not counted
        rows.alert(SANTE, other, "HIGH", day, 5, null);                // another watchlist
        rows.alert("mincom", watchlist, "HIGH", day, 5, null);         // another institution
        String range = "from=2025-04-01T00:00:00Z&to=2025-04-02T00:00:00Z";

        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/alerts-sla?" + range + "&watchlistId=" + watchlist)
                .then().statusCode(200)
                .body("total", equalTo(4)).body("resolvedInSla", equalTo(2)).body("share", closeTo(0.5, 1e-9))
                .body("bySeverity", hasSize(4))
                .body("bySeverity.find { it.severity == 'HIGH' }.slaMinutes", equalTo(60))
                .body("bySeverity.find { it.severity == 'HIGH' }.total", equalTo(2))
                .body("bySeverity.find { it.severity == 'HIGH' }.resolvedInSla", equalTo(1))
                .body("bySeverity.find { it.severity == 'HIGH' }.share", closeTo(0.5, 1e-9))
                .body("bySeverity.find { it.severity == 'CRITICAL' }.slaMinutes", equalTo(30))
                .body("bySeverity.find { it.severity == 'CRITICAL' }.share", closeTo(1.0, 1e-9))
                .body("bySeverity.find { it.severity == 'LOW' }.total", equalTo(1))
                .body("bySeverity.find { it.severity == 'LOW' }.resolvedInSla", equalTo(0))
                .body("bySeverity.find { it.severity == 'MEDIUM' }.total", equalTo(0))
                .body("bySeverity.find { it.severity == 'MEDIUM' }.share", nullValue());

        as(WatchTestSupport.CM).get("/api/watch/analytics/alerts-sla?" + range)
                .then().statusCode(200).body("total", equalTo(5)).body("resolvedInSla", equalTo(3));
        as(WatchTestSupport.CM).get("/api/watch/analytics/alerts-sla?" + range + "&exerciseId=" + exercise)
                .then().statusCode(200).body("total", equalTo(1)).body("resolvedInSla", equalTo(1))
                .body("bySeverity.find { it.severity == 'MEDIUM' }.slaMinutes", equalTo(240));
    }

    @Test
    void anAlertStillOpenWithinItsSlaIsNotCountedYet() {
        UUID watchlist = rows.watchlist(SANTE, "sla open", null);
        Instant now = Instant.now();
        rows.alert(SANTE, watchlist, "HIGH", now.minusSeconds(600), null, null);     // 10 min old, SLA 60: pending
        rows.alert(SANTE, watchlist, "CRITICAL", now.minusSeconds(3600), null, null); // 60 min old, SLA 30: missed
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/alerts-sla?watchlistId=" + watchlist)
                .then().statusCode(200).body("total", equalTo(1)).body("resolvedInSla", equalTo(0))
                .body("share", closeTo(0.0, 1e-9));
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/alerts-sla?watchlistId=" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void dailySeriesFollowTheZonesDaysAcrossDaylightSaving() {
        UUID watchlist = rows.watchlist(SANTE, "dst", null);
        // Europe/Paris leaves summer time on 2025-10-26: that local day lasts 25 hours
        rows.mention(SANTE, Instant.parse("2025-10-25T22:30:00Z"), POSITIVE, null, watchlist); // 26th 00:30 CEST
        rows.mention(SANTE, Instant.parse("2025-10-26T22:30:00Z"), NEGATIVE, null, watchlist); // 26th 23:30 CET
        rows.mention(SANTE, Instant.parse("2025-10-26T23:30:00Z"), NEGATIVE, null, watchlist); // 27th 00:30 CET
        String range = "&from=2025-10-25T22:00:00Z&to=2025-10-27T23:00:00Z&watchlistId=" + watchlist;
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/volume?interval=DAY&timeZone=Europe/Paris" + range)
                .then().statusCode(200)
                .body("series[0].points", hasSize(2))
                .body("series[0].points[0].start", equalTo("2025-10-26T00:00:00+02:00"))
                .body("series[0].points[0].count", equalTo(2))
                .body("series[0].points[1].start", equalTo("2025-10-27T00:00:00+01:00"))
                .body("series[0].points[1].count", equalTo(1));
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/sentiment?tz=Europe/Paris" + range)
                .then().statusCode(200)
                .body("series[0].positive", equalTo(1)).body("series[0].negative", equalTo(1))
                .body("series[1].bucket", equalTo("2025-10-27T00:00:00+01:00")).body("series[1].negative", equalTo(1));
    }

    @Test
    void theOtherAnalyticsLeaveExerciseDataOutUnlessAsked() {
        UUID watchlist = rows.watchlist(SANTE, "volume", null);
        UUID exercise = UUID.randomUUID();
        rows.mention(SANTE, Instant.parse("2025-05-10T10:00:00Z"), null, null, watchlist);
        rows.mention(SANTE, Instant.parse("2025-05-10T11:00:00Z"), null, exercise, watchlist);
        rows.mention(SANTE, Instant.parse("2025-05-10T11:00:00Z"), null, exercise, watchlist);
        String range = "&from=2025-05-10T00:00:00Z&to=2025-05-11T00:00:00Z";

        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/volume?watchlistId=" + watchlist + range)
                .then().statusCode(200).body("series[0].total", equalTo(1));
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/volume?exerciseId=" + exercise + "&watchlistId=" + watchlist + range)
                .then().statusCode(200).body("series[0].total", equalTo(2));
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/platforms?" + range.substring(1))
                .then().statusCode(200).body("items[0].value", equalTo("FACEBOOK")).body("items[0].count", equalTo(1));
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/platforms?exerciseId=" + exercise + range)
                .then().statusCode(200).body("items[0].count", equalTo(2));
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/share-of-voice?watchlistId=" + watchlist + range)
                .then().statusCode(200).body("total", equalTo(1));
        as(WatchTestSupport.VIEWER).get("/api/watch/analytics/top-authors?exerciseId=" + exercise + range)
                .then().statusCode(200).body("items[0].mentions", equalTo(2));
    }
}
