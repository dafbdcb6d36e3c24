package cm.vigie.watch.mention;

import static cm.vigie.watch.WatchTestSupport.CM;
import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class MentionListTest {

    /** likes, shares, comments, views of the mentions ingested by {@link #ingest}: ties on every key. */
    private static final long[][] METRICS = {
            { 5, 1, 0, 10 }, { 5, 2, 1, 10 }, { 0, 0, 0, 0 }, { 9, 0, 3, 7 }, { 0, 4, 0, 7 }, { 5, 1, 0, 3 }, { 2, 2, 2, 2 } };

    private record Row(String id, long likes, long shares, long comments, long views, Instant publishedAt) {
        long engagement() {
            return likes + shares + comments;
        }
    }

    private static final java.util.regex.Pattern SORT_NODE = java.util.regex.Pattern.compile("(?m)^\\s*(->\\s+)?(Incremental )?Sort\\s+\\(");

    @Inject
    MentionRepository repository;

    @Inject
    DataSource dataSource;

    @Test
    void everySortPagesThroughAllMentionsInOrderWithTiesBrokenOnId() {
        String author = ingest();
        Map<String, ToLongFunction<Row>> keys = Map.of(
                "likes", Row::likes, "shares", Row::shares, "views", Row::views, "engagement", Row::engagement,
                "publishedAt", row -> row.publishedAt().toEpochMilli());
        for (var key : keys.entrySet()) {
            for (String direction : List.of("asc", "desc")) {
                List<Row> listed = listAll(author, key.getKey() + "," + direction);
                Comparator<Row> expected = Comparator.comparingLong(key.getValue()).thenComparing(Row::id);
                List<Row> sorted = new ArrayList<>(listed);
                sorted.sort(direction.equals("asc") ? expected : expected.reversed());
                assertEquals(METRICS.length, new HashSet<>(listed.stream().map(Row::id).toList()).size(),
                        key.getKey() + "," + direction + " lists every mention once across pages");
                assertEquals(sorted, listed, key.getKey() + "," + direction);
            }
        }
        List<Row> byIngestion = listAll(author, "ingestedAt,desc");
        assertEquals(byIngestion.stream().map(Row::id).sorted(Comparator.reverseOrder()).toList(),
                byIngestion.stream().map(Row::id).toList(), "one batch shares its ingestion time, so ids break the tie");
    }

    @Test
    void fullPagesCountTheTotalOnlyUpToTheLimit() {
        String author = ingest();
        MentionFilter filter = new MentionFilter();
        filter.author = author;
        Sorting newest = new Sorting("published_at", false);

        var capped = repository.search("minsante", filter, newest, 0, 2, 3);
        assertEquals(2, capped.items().size());
        assertEquals(3, capped.total());
        assertFalse(capped.totalExact(), "7 match, only 3 were counted");

        var counted = repository.search("minsante", filter, newest, 0, 2, 7);
        assertEquals(7, counted.total());
        assertTrue(counted.totalExact());

        var lastPage = repository.search("minsante", filter, newest, 6, 2, 3);
        assertEquals(1, lastPage.items().size());
        assertEquals(7, lastPage.total());
        assertTrue(lastPage.totalExact(), "a page that is not full tells the exact total without counting");

        var pastTheEnd = repository.search("minsante", filter, newest, 20, 2, 10);
        assertEquals(0, pastTheEnd.items().size());
        assertEquals(7, pastTheEnd.total());
    }

    @Test
    void theApiSaysWhetherItsTotalIsExact() {
        String author = ingest();
        as(CM).queryParam("author", author).queryParam("size", 3).get("/api/watch/mentions")
                .then().statusCode(200).body("total", is(7)).body("totalExact", is(true));
    }

    @Test
    void pagesEndWithinTheResultWindow() {
        as(CM).queryParam("page", 99).queryParam("size", 100).get("/api/watch/mentions")
                .then().statusCode(200).body("items", empty());
        as(CM).header("Accept-Language", "en").queryParam("page", 100).queryParam("size", 100).get("/api/watch/mentions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("page"))
                .body("detail", containsString("10,000"));
        as(CM).header("Accept-Language", "fr").queryParam("page", 200).queryParam("size", 50).queryParam("q", "eau")
                .get("/api/watch/mentions")
                .then().statusCode(400).body("detail", containsString("affinez les filtres"));
    }

    @Test
    void anIndexServesEverySortInOrder() throws SQLException {
        List<String> properties = List.of("published_at", "ingested_at", "likes", "shares", "views", "engagement");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL enable_sort = off");
            statement.execute("SET LOCAL enable_incremental_sort = off");
            for (String property : properties) {
                for (boolean ascending : List.of(true, false)) {
                    String order = MentionRepository.orderBy(new Sorting(property, ascending));
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rows = statement.executeQuery(
                            "EXPLAIN SELECT id FROM mention WHERE institution_id = 'minsante' ORDER BY " + order + " LIMIT 20")) {
                        while (rows.next()) {
                            plan.append(rows.getString(1)).append('\n');
                        }
                    }
                    // a Merge Append of the monthly partitions (ADR 0031) reads each one's index in order: no Sort node
                    assertFalse(SORT_NODE.matcher(plan).find(), order + " needs a sort:\n" + plan);
                }
            }
            connection.rollback();
        }
    }

    /** Ingests {@link #METRICS} as one batch by a new author, published a minute apart; answers the author. */
    private static String ingest() {
        String author = "list_" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minusSeconds(3600);
        String[] items = new String[METRICS.length];
        for (int i = 0; i < METRICS.length; i++) {
            long[] m = METRICS[i];
            items[i] = """
                    {"platform":"FACEBOOK","externalId":"%s","author":{"handle":"%s"},"text":"Coupure d'eau numéro %d",\
                    "publishedAt":"%s","metrics":{"likes":%d,"shares":%d,"comments":%d,"views":%d}}"""
                    .formatted(UUID.randomUUID(), author, i, start.plusSeconds(60L * ((i * 3) % METRICS.length)),
                            m[0], m[1], m[2], m[3]);
        }
        as(CM).body(batch(items)).post("/api/watch/mentions/batch").then().statusCode(202).body("accepted", is(METRICS.length));
        return author;
    }

    private static List<Row> listAll(String author, String sort) {
        List<Row> rows = new ArrayList<>();
        for (int page = 0; page * 3 < METRICS.length; page++) {
            JsonPath body = as(CM).queryParam("author", author).queryParam("sort", sort)
                    .queryParam("size", 3).queryParam("page", page).get("/api/watch/mentions")
                    .then().statusCode(200).extract().jsonPath();
            for (int i = 0; i < body.getList("items").size(); i++) {
                String item = "items[" + i + "].";
                rows.add(new Row(body.getString(item + "id"), body.getLong(item + "metrics.likes"),
                        body.getLong(item + "metrics.shares"), body.getLong(item + "metrics.comments"),
                        body.getLong(item + "metrics.views"), Instant.parse(body.getString(item + "publishedAt"))));
            }
        }
        return rows;
    }
}
