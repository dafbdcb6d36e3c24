package cm.vigie.watch.retention;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements that keep the monthly partitions of {@code mention} and {@code mention_match} (V50): create a
 * month's pair, detach and drop a month that ended before the retention horizon. Plain JDBC without CDI, so that
 * the {@code analytics} benchmark times the very statements the service runs.
 */
public final class MonthPartitions {

    /** A partition the service created (by V50's function): table name holds its UTC month. */
    private static final Pattern NAME = Pattern.compile("(mention|mention_match)_p(\\d{4})_(\\d{2})");

    /** A month's partition that was dropped, and how long its detaching and dropping took. */
    public record Dropped(String table, long millis) {
    }

    private MonthPartitions() {
    }

    /** Creates the missing partitions of the months {@code from} to {@code to}; answers the months it created. */
    public static List<YearMonth> create(Connection connection, YearMonth from, YearMonth to, Duration lockTimeout)
            throws SQLException {
        List<YearMonth> created = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
                PreparedStatement create = connection.prepareStatement("SELECT mention_partitions_create(?)")) {
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                // CREATE TABLE ... PARTITION OF locks the parent for an instant: never queue behind a long query for it
                statement.execute("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
                create.setDate(1, Date.valueOf(month.atDay(1)));
                try (ResultSet rows = create.executeQuery()) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        created.add(month);
                    }
                }
                connection.commit();
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return created;
    }

    /**
     * Detaches (CONCURRENTLY: ingestion into other months goes on) and drops every month's partition that ends at or
     * before {@code horizon}; finishes a detach left pending by an interrupted run. One replica at a time (advisory
     * lock); another one running answers nothing. The connection must not be in a transaction.
     */
    public static List<Dropped> dropEndingBefore(Connection connection, Instant horizon, Duration lockTimeout)
            throws SQLException {
        List<Dropped> dropped = new ArrayList<>();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            if (!bool(statement, "SELECT pg_try_advisory_lock(hashtext('vigie.mention_partitions.expiry'))")) {
                return dropped;
            }
            try {
                statement.execute("SET lock_timeout = " + lockTimeout.toMillis());
                for (Partition partition : partitions(statement)) {
                    if (partition.month().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(horizon)) {
                        continue;
                    }
                    long started = System.nanoTime();
                    if (partition.parent() != null) {
                        statement.execute("ALTER TABLE " + partition.parent() + " DETACH PARTITION " + partition.table()
                                + (partition.detachPending() ? " FINALIZE" : " CONCURRENTLY"));
                    }
                    statement.execute("DROP TABLE " + partition.table());
                    dropped.add(new Dropped(partition.table(), (System.nanoTime() - started) / 1_000_000));
                }
            } finally {
                statement.execute("RESET lock_timeout");
                statement.execute("SELECT pg_advisory_unlock(hashtext('vigie.mention_partitions.expiry'))");
            }
        }
        return dropped;
    }

    /** The month partitions that exist, attached or left detached by an interrupted run, oldest first. */
    static List<Partition> partitions(Statement statement) throws SQLException {
        List<Partition> partitions = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("""
                SELECT c.relname, p.relname AS parent, i.inhdetachpending
                  FROM pg_class c
                  LEFT JOIN pg_inherits i ON i.inhrelid = c.oid
                  LEFT JOIN pg_class p ON p.oid = i.inhparent
                 WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
                   AND c.relname ~ '^mention(_match)?_p[0-9]{4}_[0-9]{2}$'
                 ORDER BY c.relname""")) {
            while (rows.next()) {
                Matcher name = NAME.matcher(rows.getString(1));
                if (name.matches()) {
                    partitions.add(new Partition(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                            YearMonth.of(Integer.parseInt(name.group(2)), Integer.parseInt(name.group(3)))));
                }
            }
        }
        partitions.sort(java.util.Comparator.comparing(Partition::month));
        return partitions;
    }

    record Partition(String table, String parent, boolean detachPending, YearMonth month) {
    }

    private static boolean bool(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}
