package cm.vigie.benchmarks.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.report.MetricSamples;
import cm.vigie.benchmarks.report.SuiteReport;
import cm.vigie.benchmarks.report.Target;
import cm.vigie.devstack.PostgresNode;

/**
 * Mentions per second through {@code POST /api/watch/mentions/batch} into PostgreSQL, with matching (100 active
 * watchlists) and alerting (their KEYWORD rules) on, beside the raw JDBC batch-insert rate of the same rows into
 * the same table in the same run.
 *
 * <p>accounts-service and watch-service run as {@code ./platform up} runs them (devstack), on one embedded
 * PostgreSQL; tokens are signed by the {@link TestIdentityProvider}. {@value #WARM_UP_BATCHES} batches warm the
 * JVM up, then {@value #MEASURED_BATCHES} batches of {@value #BATCH} are posted by {@value #CONCURRENCY} clients.
 * Every batch must answer 202 with all its mentions accepted.
 */
public final class IngestSuite implements Suite {

    static final int BATCH = 500;
    /**
     * 30,000 mentions sent the way the measured ones are (same clients, same concurrency) before the clock starts:
     * with 10,000 sent by one client, C2 was still compiling the hot path during the measured 100 batches (the first
     * 50 ran at ~4,000/s, the last 50 at 4,200-5,600/s; the compiler thread used as much CPU as the request threads).
     */
    static final int WARM_UP_BATCHES = 60;
    static final int MEASURED_BATCHES = 100;
    static final int CONCURRENCY = 2;
    static final int WATCHLISTS = 100;
    static final double TARGET_PER_SECOND = 5_000;
    static final String SERVICE = "watch-service";
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String description() {
        return "batches of " + BATCH + " through the HTTP API with matching and alerting on (target >= 5,000 "
                + "mentions/s), beside a raw JDBC batch insert of the same rows";
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        MetricSamples samples = new MetricSamples();
        Deque<AutoCloseable> closer = new ArrayDeque<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).proxy(HttpClient.Builder.NO_PROXY).build();
        try {
            measure(context, samples, closer, http);
        } catch (SuiteFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SuiteFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), samples.metrics(), e);
        } finally {
            context.progress("stopping what is still running");
            while (!closer.isEmpty()) {
                try {
                    closer.pop().close();
                } catch (Exception ignored) {
                    // stopping anyway
                }
            }
            http.close();
        }
        List<Target> targets = List.of(Target.atMost("ingest >= 5,000 mentions/s, i.e. <= 200 ms per 1,000 mentions",
                samples.metric(SERVICE, "ms-per-1000-mentions"), "median", 1000 * 1000 / TARGET_PER_SECOND));
        return new SuiteReport(name(), SuiteReport.isoDate(context.started()), context.machine(), SuiteReport.COMPLETED,
                null, samples.metrics(), targets, context.notesSoFar());
    }

    private void measure(SuiteContext context, MetricSamples samples, Deque<AutoCloseable> closer, HttpClient http)
            throws Exception {
        WatchStack stack = WatchStack.start(context, http);
        closer.push(stack);
        String watch = stack.watchUrl();
        String writer = WatchStack.writer();
        List<String> terms = SyntheticMentions.queryTerms();
        for (int i = 0; i < WATCHLISTS; i++) {
            String a = terms.get(i % terms.size());
            String b = terms.get((i * 7 + 3) % terms.size());
            String query = switch (i % 4) {
                case 0 -> a + " AND " + b;
                case 1 -> a + " OR " + b;
                case 2 -> a.substring(0, Math.max(3, a.length() - 2)) + "* AND NOT " + b;
                default -> a + " NEAR/5 " + b;
            };
            stack.watchlist("bench " + i, query);
        }
        context.progress("%d watchlists created", WATCHLISTS);

        SyntheticMentions generator = new SyntheticMentions(20261127L);
        Instant now = Instant.now();
        List<List<String>> warmUp = batches(generator, WARM_UP_BATCHES, "warm", now);
        List<List<String>> measured = batches(generator, MEASURED_BATCHES, "run", now);
        postConcurrently(http, watch, writer, warmUp, samples);
        context.progress("warm-up: %d batches of %d ingested by %d clients", WARM_UP_BATCHES, BATCH, CONCURRENCY);

        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        postConcurrently(http, watch, writer, measured, samples, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        int mentions = MEASURED_BATCHES * BATCH;
        double perSecond = mentions / seconds;
        samples.add(SERVICE, "ingest-throughput", "mentions/s", perSecond);
        samples.add(SERVICE, "ms-per-1000-mentions", "ms", 1000 * seconds * 1000 / mentions);
        for (double latency : latencies) {
            samples.add(SERVICE, "batch-latency", "ms", latency);
        }
        context.progress("HTTP ingest: %d mentions in %.2f s = %.0f mentions/s (%d clients)", mentions, seconds,
                perSecond, CONCURRENCY);

        double raw = rawJdbc(stack.jdbcUrl(), measured);
        samples.add(SERVICE, "raw-jdbc-insert-throughput", "mentions/s", raw);
        context.progress("raw JDBC batch insert of the same rows: %.0f mentions/s", raw);
        context.note(String.format(Locale.ROOT, "HTTP ingest with matching and alerting runs at %.0f%% of the raw JDBC "
                + "insert rate of the same rows", 100 * perSecond / raw));
    }

    private static void postConcurrently(HttpClient http, String watch, String writer, List<List<String>> batches,
            MetricSamples samples) throws Exception {
        postConcurrently(http, watch, writer, batches, samples, new ArrayList<>());
    }

    /** {@value #CONCURRENCY} clients take batches from one queue until it is empty; batch latencies in ms. */
    private static void postConcurrently(HttpClient http, String watch, String writer, List<List<String>> batches,
            MetricSamples samples, List<Double> latencies) throws Exception {
        ConcurrentLinkedQueue<List<String>> queue = new ConcurrentLinkedQueue<>(batches);
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CONCURRENCY; c++) {
                running.add(clients.submit(() -> {
                    List<String> batch;
                    while ((batch = queue.poll()) != null) {
                        long sent = System.nanoTime();
                        ingest(http, watch, writer, batch, samples);
                        latencies.add((System.nanoTime() - sent) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static List<List<String>> batches(SyntheticMentions generator, int count, String tag, Instant now) {
        List<List<String>> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            List<String> items = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                items.add(generator.item(tag + "-" + b + "-" + i + "-" + UUID.randomUUID(),
                        now.minusSeconds(3600L * 24 * ((b * BATCH + i) % 7))));
            }
            batches.add(items);
        }
        return batches;
    }

    private static void ingest(HttpClient http, String watch, String token, List<String> items, MetricSamples samples)
            throws Exception {
        HttpResponse<String> response = post(http, watch + "/api/watch/mentions/batch", token,
                "{\"mentions\":[" + String.join(",", items) + "]}", null);
        Matcher accepted = ACCEPTED.matcher(response.body());
        if (response.statusCode() != 202 || !accepted.find() || Integer.parseInt(accepted.group(1)) != items.size()) {
            throw new SuiteFailure("a batch answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())), samples.metrics());
        }
    }

    /** The same rows, as plain INSERTs batched by 500 and committed per batch, like the service commits. */
    private static double rawJdbc(String url, List<List<String>> batches) throws Exception {
        Pattern field = Pattern.compile("\"(platform|externalId|handle|text|publishedAt)\":\"((?:[^\"\\\\]|\\\\.)*)\"");
        Pattern number = Pattern.compile("\"(followers|likes|shares|comments|views)\":(\\d+)");
        try (Connection connection = DriverManager.getConnection(url, PostgresNode.USER, PostgresNode.PASSWORD)) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            int rows = 0;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO mention (id, institution_id, platform, external_id, author_handle, author_followers, text,
                           text_folded, language, language_detected, published_at, ingested_at, likes, shares, comments, views)
                    VALUES (?, 'bench-raw', ?, ?, ?, ?, ?, ?, 'und', true, ?, now(), ?, ?, ?, ?)""")) {
                for (List<String> batch : batches) {
                    for (String item : batch) {
                        java.util.Map<String, String> values = new java.util.HashMap<>();
                        Matcher m = field.matcher(item);
                        while (m.find()) {
                            values.put(m.group(1), m.group(2));
                        }
                        m = number.matcher(item);
                        while (m.find()) {
                            values.put(m.group(1), m.group(2));
                        }
                        String text = values.get("text");
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, values.get("platform"));
                        insert.setString(3, "raw-" + values.get("externalId"));
                        insert.setString(4, values.get("handle"));
                        insert.setLong(5, Long.parseLong(values.get("followers")));
                        insert.setString(6, text);
                        insert.setString(7, Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                                .toLowerCase(Locale.ROOT));
                        insert.setTimestamp(8, Timestamp.from(Instant.parse(values.get("publishedAt"))));
                        insert.setLong(9, Long.parseLong(values.get("likes")));
                        insert.setLong(10, Long.parseLong(values.get("shares")));
                        insert.setLong(11, Long.parseLong(values.get("comments")));
                        insert.setLong(12, Long.parseLong(values.get("views")));
                        insert.addBatch();
                        rows++;
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String bearer, String json, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
