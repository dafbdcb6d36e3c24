package cm.vigie.watch.retention;

import static cm.vigie.watch.WatchTestSupport.CM;
import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.watch.analytics.AnalyticsRows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class MentionPartitionsTest {

    @Inject
    MentionPartitions partitions;

    @Inject
    RetentionSettings settings;

    @Inject
    DataSource dataSource;

    @Test
    void everyMonthFromTheHorizonToMonthsAheadHasItsPartitionsAndASecondRunCreatesNothing() throws SQLException {
        Instant now = Instant.now();
        MentionPartitions.Outcome again = partitions.maintain(now);
        assertEquals(List.of(), again.created(), "the start-up run already created the window");
        List<String> tables = tables();
        YearMonth first = YearMonth.from(partitions.horizon(now).atZone(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(settings.monthsAhead());
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            assertTrue(tables.contains(name("mention", month)), name("mention", month) + " in " + tables);
            assertTrue(tables.contains(name("mention_match", month)), name("mention_match", month) + " in " + tables);
        }
        assertFalse(tables.stream().anyMatch(t -> t.endsWith("default")), "no default partition: " + tables);
    }

    @Test
    void aMonthThatEndedBeforeTheHorizonIsDetachedAndDroppedWholeWithItsRows() throws SQLException {
        Instant now = Instant.now();
        YearMonth expired = YearMonth.from(partitions.horizon(now).atZone(ZoneOffset.UTC)).minusMonths(2);
        Instant inExpired = expired.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // as a migrated database holds it: the month of old data was created by V50
            statement.execute("SELECT mention_partitions_create('" + expired.atDay(1) + "')");
        }
        AnalyticsRows rows = new AnalyticsRows(dataSource);
        UUID watchlist = rows.watchlist("minsante", "expiry", null);
        UUID old = rows.mention("minsante", inExpired, null, null, watchlist);
        UUID kept = rows.mention("minsante", partitions.horizon(now).plusSeconds(86_400), null, null, watchlist);

        MentionPartitions.Outcome outcome = partitions.maintain(now);

        assertEquals(List.of(name("mention_match", expired), name("mention", expired)),
                outcome.dropped().stream().map(MonthPartitions.Dropped::table).sorted().toList());
        assertFalse(tables().contains(name("mention", expired)));
        assertEquals(0, rows.count("SELECT count(*) FROM mention WHERE institution_id = 'minsante' AND id = ?", old));
        assertEquals(1, rows.count("SELECT count(*) FROM mention WHERE institution_id = 'minsante' AND id = ?", kept));
        assertEquals(1, rows.count("SELECT count(*) FROM mention_match WHERE watchlist_id = ?", watchlist));
    }

    @Test
    void aMentionPublishedBeforeTheHorizonIsRefusedAndTheOthersOfItsBatchStored() {
        Instant tooOld = partitions.horizon(Instant.now()).minusSeconds(3600);
        String author = "old_" + UUID.randomUUID().toString().substring(0, 8);
        as(CM).header("Accept-Language", "en").body(batch(
                "{\"platform\":\"X\",\"externalId\":\"" + UUID.randomUUID() + "\",\"author\":{\"handle\":\"" + author
                        + "\"},\"text\":\"Ancienne rumeur\",\"publishedAt\":\"" + tooOld + "\"}",
                "{\"platform\":\"X\",\"externalId\":\"" + UUID.randomUUID() + "\",\"author\":{\"handle\":\"" + author
                        + "\"},\"text\":\"Nouvelle rumeur\",\"publishedAt\":\"" + Instant.now().minusSeconds(60) + "\"}"))
                .post("/api/watch/mentions/batch").then().statusCode(202)
                .body("accepted", is(1))
                .body("rejected[0].index", is(0))
                .body("rejected[0].errors[0].field", is("publishedAt"));
        as(CM).queryParam("author", author).get("/api/watch/mentions").then().statusCode(200).body("total", is(1));
    }

    @Test
    void aRepeatOfAStoredPostRefreshesItsRowInItsMonth() {
        String externalId = UUID.randomUUID().toString();
        String author = "repeat_" + UUID.randomUUID().toString().substring(0, 8);
        Instant published = Instant.now().minusSeconds(40L * 86_400);
        for (int likes : new int[] { 1, 7 }) {
            as(CM).body(batch("{\"platform\":\"FACEBOOK\",\"externalId\":\"" + externalId + "\",\"author\":{\"handle\":\"" + author
                    + "\"},\"text\":\"Coupure d'eau\",\"publishedAt\":\"" + published + "\",\"metrics\":{\"likes\":" + likes + "}}"))
                    .post("/api/watch/mentions/batch").then().statusCode(202);
        }
        as(CM).queryParam("author", author).get("/api/watch/mentions").then().statusCode(200)
                .body("total", is(1)).body("items[0].metrics.likes", is(7));
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                         WHERE i.inhparent IN ('mention'::regclass, 'mention_match'::regclass) ORDER BY 1""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static String name(String parent, YearMonth month) {
        return "%s_p%04d_%02d".formatted(parent, month.getYear(), month.getMonthValue());
    }
}
