package cm.vigie.commons.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Changes to what engines cache (watchlists, hoaxes, institutions...), told to every replica within a second and
 * caught up even when a notification is lost.
 * <p>
 * {@link #announce} bumps {@code change_version(topic, institution_id)} in the caller's transaction and sends the new
 * version on channel {@code vigie_<topic>}. {@link #follow} calls back on every replica for each scope (an institution,
 * or {@link #ALL}) whose version moved: at once on the notification, or at the next version check (every
 * {@code vigie.cluster.version-check}), or right after the listening connection came back. A cache therefore
 * invalidates on {@code onChange(scope)} and never misses a change for longer than one version check. The service's
 * database needs the {@code change_version} table (see any service's migration that creates it).
 */
@ApplicationScoped
public class ClusterChanges {

    /** The scope of a change that concerns every institution (the shared hoax registry, the whole directory). */
    public static final String ALL = "*";
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9_]{1,50}");
    private static final Logger LOG = Logger.getLogger(ClusterChanges.class);

    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ClusterNotifications notifications;
    private final ConnectionSource readSource;
    private final ConnectionSource transactionSource;
    private final Duration checkEvery;
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();
    private ScheduledExecutorService checker;
    private boolean stopped;

    @Inject
    ClusterChanges(ClusterNotifications notifications, ClusterSettings settings, Instance<DataSource> dataSource) {
        this(notifications, () -> dataSource.get().getConnection(), () -> {
            Transactions.requireActive();
            return dataSource.get().getConnection();
        }, settings.versionCheck());
    }

    ClusterChanges(ClusterNotifications notifications, ConnectionSource readSource, ConnectionSource transactionSource,
            Duration checkEvery) {
        this.notifications = notifications;
        this.readSource = readSource;
        this.transactionSource = transactionSource;
        this.checkEvery = checkEvery;
    }

    /** Announces, in the current transaction, that what {@code topic} covers changed for {@code scope}. */
    public void announce(String topic, String scope) {
        try (Connection connection = transactionSource.open()) {
            announce(connection, topic, scope);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not announce a change of " + topic, e);
        }
    }

    /**
     * The same on the given connection, in its transaction: for code that writes with plain JDBC. Returns the new
     * version.
     */
    public static long announce(Connection connection, String topic, String scope) throws SQLException {
        checkTopic(topic);
        checkScope(scope);
        long version;
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO change_version (topic, institution_id, version) VALUES (?, ?, 1)
                ON CONFLICT (topic, institution_id) DO UPDATE SET version = change_version.version + 1
                RETURNING version""")) {
            statement.setString(1, topic);
            statement.setString(2, scope);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                version = row.getLong(1);
            }
        }
        ClusterNotifications.send(connection, channel(topic), version + " " + scope);
        return version;
    }

    /**
     * Calls {@code onChange(scope)} on this replica whenever a change of {@code topic} is announced for a scope (by
     * any replica), at most one version check late if its notification was lost. Changes announced before this call
     * are taken as known: follow before the cache is first filled. Returns a handle that stops following.
     */
    public AutoCloseable follow(String topic, Consumer<String> onChange) {
        checkTopic(topic);
        Follower follower = new Follower(topic, onChange);
        AutoCloseable subscription = notifications.subscribe(channel(topic), follower::notified, follower::check);
        follower.baseline();
        followers.add(follower);
        startChecking();
        return () -> {
            followers.remove(follower);
            subscription.close();
        };
    }

    /** Compares every followed topic's versions with the database now (what the periodic check does). */
    public void checkNow() {
        followers.forEach(Follower::check);
    }

    private void startChecking() {
        synchronized (lifecycle) {
            if (checker == null && !stopped) {
                checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "vigie-cluster-version-check");
                    thread.setDaemon(true);
                    return thread;
                });
                long millis = Math.max(50, checkEvery.toMillis());
                checker.scheduleWithFixedDelay(this::checkNow, millis, millis, TimeUnit.MILLISECONDS);
            }
        }
    }

    @PreDestroy
    void stop() {
        synchronized (lifecycle) {
            stopped = true;
            if (checker != null) {
                checker.shutdownNow();
            }
        }
    }

    static String channel(String topic) {
        return "vigie_" + topic;
    }

    private static void checkTopic(String topic) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("A topic is lower case letters, digits and _: " + topic);
        }
    }

    private static void checkScope(String scope) {
        if (scope == null || scope.isEmpty() || scope.length() > 200 || scope.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A scope is an institution id or " + ALL + ": " + scope);
        }
    }

    /** One follower of a topic: the versions its cache was told about. */
    private final class Follower {
        final String topic;
        final Consumer<String> onChange;
        private final Map<String, Long> seen = new HashMap<>();

        Follower(String topic, Consumer<String> onChange) {
            this.topic = topic;
            this.onChange = onChange;
        }

        void notified(String payload) {
            int space = payload.indexOf(' ');
            if (space <= 0) {
                LOG.warnf("Unreadable change notice on %s: %s", channel(topic), payload);
                return;
            }
            String scope = payload.substring(space + 1);
            long version;
            try {
                version = Long.parseLong(payload.substring(0, space));
            } catch (NumberFormatException e) {
                LOG.warnf("Unreadable change notice on %s: %s", channel(topic), payload);
                return;
            }
            if (advance(scope, version)) {
                changed(scope);
            }
        }

        void baseline() {
            try {
                Map<String, Long> current = read();
                synchronized (seen) {
                    current.forEach((scope, version) -> seen.merge(scope, version, Math::max));
                }
            } catch (SQLException e) {
                LOG.warnf("Could not read the versions of %s; the next check will: %s", topic, e.toString());
            }
        }

        void check() {
            Map<String, Long> current;
            try {
                current = read();
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("Version check of %s failed: %s", topic, e.toString());
                return;
            }
            current.forEach((scope, version) -> {
                if (advance(scope, version)) {
                    LOG.debugf("Version check: %s of %s moved to %d without its notification", topic, scope, version);
                    changed(scope);
                }
            });
        }

        private boolean advance(String scope, long version) {
            synchronized (seen) {
                Long known = seen.get(scope);
                if (known != null && known >= version) {
                    return false;
                }
                seen.put(scope, version);
                return true;
            }
        }

        private void changed(String scope) {
            try {
                onChange.accept(scope);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not apply a change of %s for %s", topic, scope);
            }
        }

        private Map<String, Long> read() throws SQLException {
            Map<String, Long> versions = new HashMap<>();
            try (Connection connection = readSource.open();
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT institution_id, version FROM change_version WHERE topic = ?")) {
                statement.setString(1, topic);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        versions.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return versions;
        }
    }
}
