package cm.vigie.watch.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Analytics read only the months of their range (ADR 0031): the plans of their statements name no other partition. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class PartitionPruningTest {

    private static final Pattern PARTITION = Pattern.compile("\\b(mention(?:_match)?_p\\d{4}_\\d{2})\\b");

    @Inject
    DataSource dataSource;

    private final YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private final Instant from = month.atDay(3).atStartOfDay(ZoneOffset.UTC).toInstant();
    private final Instant to = month.atDay(20).atStartOfDay(ZoneOffset.UTC).toInstant();
    private final String suffix = "_p%04d_%02d".formatted(month.getYear(), month.getMonthValue());

    @Test
    void theVolumeSeriesReadsOnlyTheMonthOfItsRange() throws SQLException {
        Set<String> partitions = partitionsIn(AnalyticsService.volumeSql(null), statement -> {
            statement.setArray(1, AnalyticsService.bucketStarts(statement.getConnection(),
                    new AnalyticsRange(from, to, Interval.DAY, ZoneId.of("Africa/Douala")).buckets()));
            statement.setString(2, "minsante");
            statement.setArray(3, statement.getConnection().createArrayOf("uuid", new Object[] { UUID.randomUUID() }));
            statement.setTimestamp(4, Timestamp.from(from));
            statement.setTimestamp(5, Timestamp.from(to));
        });
        assertEquals(Set.of("mention_match" + suffix), partitions);
    }

    @Test
    void breakdownsOfAWatchlistReadOnlyTheMonthOfTheirRangeOnBothTables() throws SQLException {
        String sql = "SELECT platform, count(*) FROM mention WHERE " + AnalyticsService.where(UUID.randomUUID(), null)
                + " GROUP BY 1";
        Set<String> partitions = partitionsIn(sql, statement -> AnalyticsService.bindWhere(statement, "minsante",
                UUID.randomUUID(), new AnalyticsRange(from, to, Interval.DAY, ZoneOffset.UTC), null));
        assertEquals(Set.of("mention" + suffix, "mention_match" + suffix), partitions);
    }

    private Set<String> partitionsIn(String sql, AnalyticsService.Binder binder) throws SQLException {
        Set<String> partitions = new TreeSet<>();
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                    Matcher name = PARTITION.matcher(rows.getString(1));
                    while (name.find()) {
                        partitions.add(name.group(1));
                    }
                }
            }
        }
        System.out.println(plan);
        return partitions;
    }
}
