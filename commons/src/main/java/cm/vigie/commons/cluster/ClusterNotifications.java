package cm.vigie.commons.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Changes told to every replica of a service through PostgreSQL LISTEN/NOTIFY on the service's own database.
 * <p>
 * {@link #publish} sends {@code pg_notify} inside the caller's transaction, so a change is announced only if it
 * commits, and only once it is visible. Each replica keeps one dedicated connection (opened from the datasource URL,
 * outside the pool) that LISTENs on every subscribed channel; a daemon thread reads it and hands notifications to
 * worker threads, one subscription at a time in arrival order. When that connection is lost, it is reopened with
 * backoff and every subscriber's {@code onReconnect} runs: notifications sent meanwhile are lost, so subscribers reload
 * (and a periodic version check catches what a lost notification would otherwise hide).
 */
@ApplicationScoped
public class ClusterNotifications {

    /** PostgreSQL refuses payloads of 8,000 bytes or more; keep room. */
    public static final int MAX_PAYLOAD_BYTES = 7_000;
    private static final Pattern CHANNEL = Pattern.compile("vigie_[a-z0-9_]{1,57}");
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(3);
    private static final Logger LOG = Logger.getLogger(ClusterNotifications.class);

    /** Opens a new JDBC connection. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource listenSource;
    private final ConnectionSource publishSource;
    private final boolean enabled;
    private final int pollMillis;
    private final Duration reconnectMin;
    private final Duration reconnectMax;
    private final Duration heartbeat;

    private final Map<String, List<Subscription>> byChannel = new ConcurrentHashMap<>();
    private final ExecutorService dispatch = Executors.newCachedThreadPool(daemon("vigie-cluster-dispatch"));
    private final Object lifecycle = new Object();
    private Thread listener;
    private volatile boolean stopping;
    private volatile boolean connected;

    @Inject
    ClusterNotifications(ClusterSettings settings, Instance<DataSource> dataSource) {
        this(ClusterNotifications::openFromDatasourceConfig, () -> {
            Transactions.requireActive();
            return dataSource.get().getConnection();
        }, settings.enabled(), settings.pollInterval(), settings.reconnectMin(), settings.reconnectMax(),
                settings.heartbeat());
    }

    ClusterNotifications(ConnectionSource listenSource, ConnectionSource publishSource, boolean enabled,
            Duration pollInterval, Duration reconnectMin, Duration reconnectMax, Duration heartbeat) {
        this.listenSource = listenSource;
        this.publishSource = publishSource;
        this.enabled = enabled;
        this.pollMillis = (int) Math.max(1, pollInterval.toMillis());
        this.reconnectMin = reconnectMin;
        this.reconnectMax = reconnectMax;
        this.heartbeat = heartbeat;
    }

    /**
     * Sends {@code pg_notify(channel, payload)} on the current transaction's connection: delivered only if it commits,
     * to every replica, this one included. Throws outside a transaction.
     */
    public void publish(String channel, String payload) {
        checkChannel(channel);
        checkPayload(payload);
        try (Connection connection = publishSource.open()) {
            send(connection, channel, payload);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not notify " + channel, e);
        }
    }

    /**
     * Sends {@code pg_notify(channel, payload)} on the given connection (in its transaction, if any). For code that holds
     * its own JDBC connection; {@link #publish} is the usual way.
     */
    public static void send(Connection connection, String channel, String payload) throws SQLException {
        checkChannel(channel);
        checkPayload(payload);
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            statement.setString(1, channel);
            statement.setString(2, payload);
            statement.execute();
        }
    }

    /**
     * Calls {@code listener} (on a worker thread, never the listening thread) for every notification on
     * {@code channel} from any replica, and {@code onReconnect} after the listening connection was lost and
     * re-established (notifications may have been missed: reload or catch up). Calls of one subscription never overlap
     * and keep the order of arrival. Waits (a few seconds at most) until the channel is listened to, so that a load made
     * after this returns misses no change; when the database is down, returns anyway and {@code onReconnect} follows.
     *
     * @return a handle that unsubscribes
     */
    public AutoCloseable subscribe(String channel, Consumer<String> listener, Runnable onReconnect) {
        checkChannel(channel);
        Subscription subscription = new Subscription(channel, listener, onReconnect);
        byChannel.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscription);
        if (enabled && startListening()) {
            try {
                subscription.listening.get(SUBSCRIBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                LOG.warnf("Not yet listening on %s (database unreachable?); its subscriber reloads once it is", channel);
            }
        }
        return () -> byChannel.computeIfPresent(channel, (c, list) -> {
            list.remove(subscription);
            return list.isEmpty() ? null : list;
        });
    }

    /** Whether the listening connection is up (for health checks and tests). */
    public boolean listening() {
        return connected;
    }

    private boolean startListening() {
        synchronized (lifecycle) {
            if (stopping) {
                return false;
            }
            if (listener == null) {
                listener = daemon("vigie-cluster-listener").newThread(this::listenLoop);
                listener.start();
            }
            return true;
        }
    }

    private void listenLoop() {
        ListeningConnection connection = null;
        Set<String> listened = new HashSet<>();
        boolean everConnected = false;
        boolean failed = false;
        Duration backoff = reconnectMin;
        long lastTraffic = System.nanoTime();
        while (!stopping) {
            try {
                boolean reconnected = false;
                if (connection == null) {
                    connection = new ListeningConnection(listenSource.open());
                    listened.clear();
                    reconnected = everConnected || failed;
                    everConnected = true;
                    lastTraffic = System.nanoTime();
                }
                // up before the subscribers are told they are listened to (syncChannels), never after
                connected = true;
                syncChannels(connection, listened);
                backoff = reconnectMin;
                if (reconnected) {
                    LOG.info("Cluster notifications: listening again; subscribers reload");
                    byChannel.values().forEach(list -> list.forEach(Subscription::reconnected));
                }
                List<ListeningConnection.Received> received = connection.await(pollMillis);
                long now = System.nanoTime();
                if (!received.isEmpty()) {
                    lastTraffic = now;
                    for (ListeningConnection.Received notification : received) {
                        byChannel.getOrDefault(notification.channel(), List.of())
                                .forEach(subscription -> subscription.deliver(notification.payload()));
                    }
                } else if (now - lastTraffic >= heartbeat.toNanos()) {
                    connection.heartbeat();
                    lastTraffic = now;
                }
            } catch (SQLException | RuntimeException e) {
                connected = false;
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                if (stopping) {
                    break;
                }
                if (!failed || LOG.isDebugEnabled()) {
                    LOG.warnf("Cluster notifications: listening connection lost or refused, retrying in %d ms: %s",
                            backoff.toMillis(), e.toString());
                }
                failed = true;
                sleep(backoff.toMillis() / 2 + ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2 + 1));
                backoff = backoff.multipliedBy(2).compareTo(reconnectMax) > 0 ? reconnectMax : backoff.multipliedBy(2);
                continue;
            }
            failed = false;
        }
        connected = false;
        if (connection != null) {
            connection.close();
        }
    }

    private void syncChannels(ListeningConnection connection, Set<String> listened) throws SQLException {
        for (Map.Entry<String, List<Subscription>> entry : byChannel.entrySet()) {
            if (listened.add(entry.getKey())) {
                try {
                    connection.listen(entry.getKey());
                } catch (SQLException e) {
                    listened.remove(entry.getKey());
                    throw e;
                }
            }
            entry.getValue().forEach(subscription -> subscription.listening.complete(null));
        }
        for (var it = listened.iterator(); it.hasNext();) {
            String channel = it.next();
            if (!byChannel.containsKey(channel)) {
                connection.unlisten(channel);
                it.remove();
            }
        }
    }

    @PreDestroy
    void stop() {
        Thread running;
        synchronized (lifecycle) {
            stopping = true;
            running = listener;
        }
        if (running != null) {
            try {
                running.join(Math.max(1_000, 3L * pollMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dispatch.shutdown();
    }

    static String quoted(String channel) {
        checkChannel(channel);
        return '"' + channel + '"';
    }

    private static void checkChannel(String channel) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("A channel is named vigie_<topic> (lower case, digits, _): " + channel);
        }
    }

    private static void checkPayload(String payload) {
        if (payload == null || payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A payload is 0 to " + MAX_PAYLOAD_BYTES + " bytes");
        }
    }

    private static Connection openFromDatasourceConfig() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Optional<String> url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class);
        if (url.isEmpty()) {
            throw new SQLException("quarkus.datasource.jdbc.url is not set: no database to listen on");
        }
        Properties properties = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(user -> properties.setProperty("user", user));
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", "vigie-cluster-listener");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        return ListeningConnection.open(url.get(), properties);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One listener; its calls run one at a time, in order, on the dispatch pool. */
    private final class Subscription {
        final String channel;
        final Consumer<String> listener;
        final Runnable onReconnect;
        final CompletableFuture<Void> listening = new CompletableFuture<>();
        private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        Subscription(String channel, Consumer<String> listener, Runnable onReconnect) {
            this.channel = channel;
            this.listener = listener;
            this.onReconnect = onReconnect;
        }

        void deliver(String payload) {
            enqueue(() -> listener.accept(payload));
        }

        void reconnected() {
            enqueue(onReconnect);
        }

        private void enqueue(Runnable call) {
            queue.add(call);
            schedule();
        }

        private void schedule() {
            if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
                try {
                    dispatch.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                    draining.set(false);
                }
            }
        }

        private void drain() {
            try {
                Runnable call;
                while ((call = queue.poll()) != null) {
                    try {
                        call.run();
                    } catch (RuntimeException | LinkageError e) {
                        LOG.errorf(e, "A subscriber of %s failed", channel);
                    }
                }
            } finally {
                draining.set(false);
                schedule();
            }
        }
    }
}
