package cm.vigie.watch.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A mention list with a date range reads only the months of the range (ADR 0031), watchlist filter included. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class MentionPruningTest {

    private static final Pattern PARTITION = Pattern.compile("\\b(mention(?:_match)?_p\\d{4}_\\d{2})\\b");

    @Inject
    DataSource dataSource;

    @Test
    void aListOverTwoMonthsReadsThoseTwoMonthsOnly() throws SQLException {
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(2);
        MentionFilter filter = new MentionFilter();
        filter.from = month.atDay(20).atStartOfDay(ZoneOffset.UTC).toInstant();
        filter.to = month.plusMonths(1).atDay(5).atStartOfDay(ZoneOffset.UTC).toInstant();
        filter.watchlistId = UUID.randomUUID();
        filter.q = "eau";
        Set<String> expected = Set.of(name("mention", month), name("mention", month.plusMonths(1)),
                name("mention_match", month), name("mention_match", month.plusMonths(1)));
        for (String sort : new String[] { "published_at", "likes" }) {
            assertEquals(expected, partitionsIn(MentionRepository.where("minsante", filter), new Sorting(sort, false)), sort);
        }
    }

    @Test
    void aListWithoutRangeReadsEveryMonthAndNamesItsInstitution() throws SQLException {
        MentionRepository.Where where = MentionRepository.where("minsante", new MentionFilter());
        assertEquals("institution_id = ?", where.sql());
        Instant now = Instant.now();
        Set<String> partitions = partitionsIn(where, new Sorting("published_at", false));
        String current = name("mention", YearMonth.from(now.atZone(ZoneOffset.UTC)));
        assertEquals(true, partitions.contains(current) && partitions.size() > 12, partitions.toString());
    }

    private Set<String> partitionsIn(MentionRepository.Where where, Sorting sorting) throws SQLException {
        Set<String> partitions = new TreeSet<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "EXPLAIN SELECT id FROM mention WHERE " + where.sql() + " ORDER BY " + MentionRepository.orderBy(sorting)
                        + " LIMIT 20")) {
            int i = 1;
            for (Object parameter : where.parameters()) {
                statement.setObject(i++, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Matcher name = PARTITION.matcher(rows.getString(1));
                    while (name.find()) {
                        partitions.add(name.group(1));
                    }
                }
            }
        }
        return partitions;
    }

    private static String name(String parent, YearMonth month) {
        return "%s_p%04d_%02d".formatted(parent, month.getYear(), month.getMonthValue());
    }
}
