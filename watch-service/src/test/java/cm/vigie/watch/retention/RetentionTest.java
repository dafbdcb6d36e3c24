package cm.vigie.watch.retention;

import static cm.vigie.watch.WatchTestSupport.as;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.watch.analytics.AnalyticsRows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class RetentionTest {

    private static final String ADMIN = TestTokens.bearer("mincom", "admin", "institution-admin");
    private static final String CM = TestTokens.bearer("mincom", "cm", "community-manager");

    @Inject
    RetentionPurge purge;

    @Inject
    RetentionSettings settings;

    @Inject
    DataSource dataSource;

    @Test
    void anInstitutionAdminSetsAShorterPeriodWithIfMatchAndTheChangeIsAudited() {
        as(CM).get("/api/watch/retention").then().statusCode(200).header("ETag", "\"0\"")
                .body("platformMonths", is(settings.months())).body("months", nullValue())
                .body("effectiveMonths", is(settings.months()));
        as(CM).header("If-Match", "\"0\"").body("{\"months\":6}").put("/api/watch/retention").then().statusCode(403);
        as(ADMIN).body("{\"months\":6}").put("/api/watch/retention").then().statusCode(428);
        as(ADMIN).header("Accept-Language", "fr").header("If-Match", "\"0\"").body("{\"months\":" + (settings.months() + 1) + "}")
                .put("/api/watch/retention").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("months"));
        as(ADMIN).header("If-Match", "\"0\"").body("{\"months\":0}").put("/api/watch/retention").then().statusCode(400);

        as(ADMIN).header("If-Match", "\"0\"").body("{\"months\":6}").put("/api/watch/retention").then().statusCode(200)
                .header("ETag", "\"1\"").body("months", is(6)).body("effectiveMonths", is(6)).body("updatedBy", is("admin"));
        as(ADMIN).header("If-Match", "\"0\"").body("{\"months\":5}").put("/api/watch/retention").then().statusCode(412);
        as(CM).get("/api/watch/retention").then().statusCode(200).header("ETag", "\"1\"").body("months", is(6));
        as(TestTokens.bearer("minsante", "cm", "community-manager")).get("/api/watch/retention").then().statusCode(200)
                .body("months", nullValue());

        AnalyticsRows rows = new AnalyticsRows(dataSource);
        assertEquals(1, rows.count("""
                SELECT count(*) FROM audit_event WHERE institution_id = 'mincom' AND action = 'MENTION_RETENTION_UPDATED'
                   AND to_state = '6 MONTHS' AND target_id = ?""", RetentionService.target("mincom")));

        // back to the platform's period, so that no other test's mentions of mincom are purged
        as(ADMIN).header("If-Match", "\"1\"").body("{\"months\":null}").put("/api/watch/retention").then().statusCode(200)
                .header("ETag", "\"2\"").body("months", nullValue()).body("effectiveMonths", is(settings.months()));
    }

    @Test
    void theShorterPeriodDeletesOnlyTheInstitutionsOlderMentionsAndTheirMatchesInBatches() {
        String institution = "purge" + UUID.randomUUID().toString().substring(0, 8);
        AnalyticsRows rows = new AnalyticsRows(dataSource);
        UUID watchlist = rows.watchlist(institution, "purge", null);
        UUID otherWatchlist = rows.watchlist("minsante", "purge", null);
        Instant now = Instant.now();
        Instant horizon = now.atZone(ZoneOffset.UTC).minusMonths(6).toInstant();
        // more than one batch of old mentions, a few kept, and another institution's old mention
        int old = settings.purgeBatch() + 5;
        for (int i = 0; i < old; i++) {
            rows.mention(institution, horizon.minusSeconds(3600L * (1 + i % 2000)), null, null, watchlist);
        }
        UUID kept = rows.mention(institution, horizon.plusSeconds(3600), null, null, watchlist);
        UUID othersOld = rows.mention("minsante", horizon.minusSeconds(7200), null, null, otherWatchlist);

        assertEquals(old, purge.purge(institution, horizon));

        assertEquals(1, rows.count("SELECT count(*) FROM mention WHERE institution_id = ?", institution));
        assertEquals(1, rows.count("SELECT count(*) FROM mention WHERE institution_id = ? AND id = ?", institution, kept));
        assertEquals(1, rows.count("SELECT count(*) FROM mention_match WHERE watchlist_id = ?", watchlist));
        assertEquals(1, rows.count("SELECT count(*) FROM mention WHERE institution_id = 'minsante' AND id = ?", othersOld));
        assertEquals(1, rows.count("SELECT count(*) FROM mention_match WHERE watchlist_id = ?", otherWatchlist));
    }
}
