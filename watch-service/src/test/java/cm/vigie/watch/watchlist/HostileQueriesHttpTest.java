package cm.vigie.watch.watchlist;

import static cm.vigie.watch.WatchTestSupport.ANALYST;
import static cm.vigie.watch.WatchTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A sample of 1,000 generated queries (see {@link HostileQueries}) through the real
 * {@code POST /api/watch/watchlists/validate}: only 200 or 400, a 400 is problem+json, and no answer leaks internals.
 * The 100,000-query run is {@link HostileQueriesPropertyTest}, at the service level.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class HostileQueriesHttpTest {

    private static final int SAMPLE = 1_000;
    private static final Pattern INTERNALS = Pattern.compile(
            "(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|\\b(java|jakarta|org\\.hibernate|io\\.quarkus|com\\.fasterxml|cm\\.vigie)\\.[a-z]\\w*\\.|"
                    + "Exception\\b|SQLSTATE|\\bselect\\b.+\\bfrom\\b)", Pattern.CASE_INSENSITIVE);

    @Test
    void aThousandGeneratedQueriesAreAnswered200Or400() {
        List<String> queries = HostileQueries.all().sampleStream().limit(SAMPLE).toList();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (String query : queries) {
            Response response = as(ANALYST).body(Map.of("query", query)).post("/api/watch/watchlists/validate");
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            assertTrue(status == 200 || status == 400, () -> status + " for " + query + ": " + response.asString());
            // what arrives once encoded as UTF-8 (a lone surrogate becomes '?')
            String received = new String(query.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertEquals(HostileQueriesPropertyTest.outcome(received), status, () -> "service-level outcome differs for " + query);
            if (status == 400) {
                assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
            }
            String body = response.asString();
            assertTrue(!INTERNALS.matcher(body).find(), () -> "internals in the answer to " + query + ": " + body);
        }
        System.out.println("validate: " + queries.size() + " generated queries -> " + statuses);
    }
}
