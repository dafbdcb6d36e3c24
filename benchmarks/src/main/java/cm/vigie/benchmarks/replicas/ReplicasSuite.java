package cm.vigie.benchmarks.replicas;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.faults.Http;
import cm.vigie.benchmarks.ingest.SyntheticMentions;
import cm.vigie.benchmarks.report.MetricSamples;
import cm.vigie.benchmarks.report.SuiteReport;
import cm.vigie.benchmarks.report.Target;

/**
 * Two watch-service replicas on one database against one (issue 17, item 6):
 * <ol>
 * <li>change propagation: a watchlist created through one replica, then a mention with its keyword ingested through
 * the other every {@value #POLL_MS} ms until the mention matched it; time from the creation's answer to the answer of
 * the ingest that matched ({@value #PROPAGATION_ROUNDS} rounds, alternating A→B and B→A; target p99 &lt;= 1 s);</li>
 * <li>cross-replica alert delivery: an SSE stream open on replica A, a mention for a probe watchlist ingested through
 * replica B; time from the POST to the alert event on A's stream ({@value #ALERT_PROBES} probes, one at a time;
 * target p99 &lt;= 1 s);</li>
 * <li>ingest throughput through the gateway in front of one replica, then of two (the gateway balancing): mentions
 * per second over {@value #INGEST_MENTIONS} mentions in batches of {@value #BATCH} from {@value #CLIENTS} clients, and
 * the ratio (two shared cores: near 1 is expected); a batch answered 502, 503 or 504 is sent again with its
 * Idempotency-Key (counted), the time it took included.</li>
 * </ol>
 * A change that never reaches the other replica within {@value #GIVE_UP_MS} ms is counted as missed, and the target
 * is judged on a p99 that counts it at that bound.
 */
public final class ReplicasSuite implements Suite {

    static final int PROPAGATION_ROUNDS = 40;
    static final int ALERT_PROBES = 40;
    static final long POLL_MS = 20;
    static final long GIVE_UP_MS = 5_000;
    static final int INGEST_MENTIONS = 30_000;
    static final int WARM_UP_MENTIONS = 5_000;
    static final int BATCH = 500;
    static final int CLIENTS = 4;
    static final int MAX_ATTEMPTS = 5;
    static final int ORDINARY_WATCHLISTS = 50;
    static final double TARGET_P99_MS = 1_000;
    static final String SERVICE = "watch-service";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    /** Events read back from the log are PostgreSQL's text of a jsonb: a space after each colon. */
    private static final Pattern WATCHLIST = Pattern.compile("\"watchlistId\":\\s*\"([0-9a-f-]{36})\"");

    @Override
    public String name() {
        return "replicas";
    }

    @Override
    public String description() {
        return "two watch-service replicas behind the gateway against one: change propagation p50/p99 (watchlist on "
                + "A, matched on B), cross-replica alert delivery p50/p99 (mention on B, SSE on A), ingest throughput ratio";
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        MetricSamples samples = new MetricSamples();
        List<Target> targets = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).proxy(HttpClient.Builder.NO_PROXY).build();
        ReplicaStack stack = null;
        try {
            stack = ReplicaStack.start(context.repoRoot(), context.runDir(), context.javaHome(), http,
                    line -> context.progress("%s", line));
            List<String> terms = SyntheticMentions.queryTerms();
            for (int i = 0; i < ORDINARY_WATCHLISTS; i++) {
                watchlist(http, stack.watchUrl(0), "ordinary " + i,
                        terms.get(i % terms.size()) + " AND " + terms.get((i * 5 + 1) % terms.size()));
            }
            stack.startGateway();
            double one = ingest(context, http, stack, "one replica");
            stack.startWatchInstance();
            stack.startGateway();
            double two = ingest(context, http, stack, "two replicas");
            samples.add("gateway", "ingest through the gateway, one replica", "mentions/s", one);
            samples.add("gateway", "ingest through the gateway, two replicas", "mentions/s", two);
            samples.add("gateway", "ingest two replicas / one", "%", 100 * two / one);
            samples.add("gateway", "ingest batches sent again after a 502/503/504", "count", retried.get());
            context.progress("ingest: %.0f mentions/s with one replica, %.0f with two (ratio %.2f)", one, two, two / one);
            storage(context, stack, samples);

            List<Double> propagation = propagation(context, http, stack, samples);
            targets.add(judged("change propagation p99 <= 1000 ms", "change-propagation", propagation, samples));
            List<Double> alerts = alerts(context, http, stack, samples);
            targets.add(judged("cross-replica alert delivery p99 <= 1000 ms", "cross-replica-alert", alerts, samples));
        } catch (SuiteFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SuiteFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), samples.metrics(), e);
        } finally {
            context.progress("stopping the stack");
            if (stack != null) {
                stack.close();
            }
            http.close();
        }
        return new SuiteReport(name(), SuiteReport.isoDate(context.started()), context.machine(), SuiteReport.COMPLETED,
                null, samples.metrics(), targets, context.notesSoFar());
    }

    /** p50 and p99 of the latencies (a miss counted at {@value #GIVE_UP_MS} ms) and the target on the p99. */
    private static Target judged(String name, String metric, List<Double> latencies, MetricSamples samples) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        samples.add(SERVICE, metric + "-p50", "ms", percentile(sorted, 0.50));
        samples.add(SERVICE, metric + "-p99", "ms", percentile(sorted, 0.99));
        return Target.atMost(name, samples.metric(SERVICE, metric + "-p99"), "median", TARGET_P99_MS);
    }

    // --- 1. ingest throughput ---

    /** Mentions per second through the gateway, after a warm-up of every instance behind it. */
    private static double ingest(SuiteContext context, HttpClient http, ReplicaStack stack, String phase) throws Exception {
        SyntheticMentions generator = new SyntheticMentions(phase.length());
        send(http, stack.gatewayUrl(), generator, WARM_UP_MENTIONS, phase + "-warm");
        long start = System.nanoTime();
        send(http, stack.gatewayUrl(), generator, INGEST_MENTIONS, phase);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = INGEST_MENTIONS / seconds;
        context.progress("%s: %d mentions through the gateway in %.1f s (%.0f mentions/s)", phase, INGEST_MENTIONS,
                seconds, rate);
        return rate;
    }

    /** Batches sent again after a 502, 503, 504 or no answer, over the whole run. */
    private static final AtomicInteger retried = new AtomicInteger();

    private static void send(HttpClient http, String baseUrl, SyntheticMentions generator, int mentions, String prefix)
            throws Exception {
        int batches = mentions / BATCH;
        Instant now = Instant.now();
        BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        for (int b = 0; b < batches; b++) {
            List<String> items = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                items.add(generator.item(prefix + "-" + b + "-" + i + "-" + UUID.randomUUID(), now.minusSeconds(i)));
            }
            bodies.add("{\"mentions\":[" + String.join(",", items) + "]}");
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    String body;
                    while ((body = bodies.poll()) != null) {
                        // a batch the gateway gave up on (504 on a busy machine) is sent again with its key: stored once
                        String key = UUID.randomUUID().toString();
                        for (int attempt = 1; ; attempt++) {
                            Http.Reply reply = Http.send(http, "POST", baseUrl + "/api/watch/mentions/batch",
                                    ReplicaStack.writer(), body, key, TIMEOUT);
                            if (reply.status() == 202) {
                                break;
                            }
                            boolean transient_ = reply.status() == -1 || reply.status() == 502 || reply.status() == 503
                                    || reply.status() == 504;
                            if (!transient_ || attempt == MAX_ATTEMPTS) {
                                throw new SuiteFailure("a batch through the gateway answered " + reply.status() + ": "
                                        + reply.body(), List.of());
                            }
                            retried.incrementAndGet();
                            Thread.sleep(1_000);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * What a stored mention costs on disk, indexes and its match rows included (the mention tables are partitioned:
     * their partitions are summed), for the sizing table of docs/operations.md.
     */
    private static void storage(SuiteContext context, ReplicaStack stack, MetricSamples samples) throws Exception {
        try (java.sql.Connection connection = stack.watchDatabase();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
            long bytes = 0;
            for (String table : List.of("mention", "mention_match")) {
                try (java.sql.ResultSet rows = statement.executeQuery("SELECT coalesce(sum(pg_total_relation_size(relid)), 0) "
                        + "FROM pg_partition_tree('" + table + "')")) {
                    rows.next();
                    bytes += rows.getLong(1);
                }
            }
            long mentions;
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT count(*) FROM mention")) {
                rows.next();
                mentions = rows.getLong(1);
            }
            samples.add(SERVICE, "stored mentions", "count", mentions);
            samples.add(SERVICE, "bytes per stored mention (mention + mention_match, indexes included)", "B",
                    (double) bytes / mentions);
            context.progress("storage: %d mentions take %.1f MiB with their matches and indexes (%.0f B each)", mentions,
                    bytes / 1048576.0, (double) bytes / mentions);
        }
    }

    // --- 2. change propagation ---

    private static List<Double> propagation(SuiteContext context, HttpClient http, ReplicaStack stack,
            MetricSamples samples) throws Exception {
        List<Double> latencies = new ArrayList<>();
        int missed = 0;
        for (int round = 0; round < PROPAGATION_ROUNDS; round++) {
            int from = round % 2;
            int to = 1 - from;
            String keyword = "propagation" + Long.toString(System.nanoTime(), 36) + "z" + round;
            String watchlist = watchlist(http, stack.watchUrl(from), "propagation " + round, keyword);
            long created = System.nanoTime();
            double latency = -1;
            while (System.nanoTime() - created < GIVE_UP_MS * 1_000_000) {
                Http.Reply ingested = Http.send(http, "POST", stack.watchUrl(to) + "/api/watch/mentions/batch",
                        ReplicaStack.writer(), "{\"mentions\":[" + mention("prop-" + UUID.randomUUID(),
                                "veille " + keyword + " en ce moment") + "]}", null, TIMEOUT);
                long answered = System.nanoTime();
                if (ingested.status() != 202) {
                    throw new SuiteFailure("ingest on replica " + (to + 1) + " answered " + ingested.status() + ": "
                            + ingested.body(), samples.metrics());
                }
                if (matched(http, stack.watchUrl(to), watchlist)) {
                    latency = (answered - created) / 1e6;
                    break;
                }
                Thread.sleep(POLL_MS);
            }
            if (latency < 0) {
                missed++;
                latency = GIVE_UP_MS;
            }
            latencies.add(latency);
            samples.add(SERVICE, "change-propagation", "ms", latency);
        }
        samples.add(SERVICE, "change-propagation-missed", "count", missed);
        if (missed > 0) {
            context.note(missed + " of " + PROPAGATION_ROUNDS + " watchlists created on one replica were not matched on "
                    + "the other within " + GIVE_UP_MS + " ms (counted at " + GIVE_UP_MS + " ms)");
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        context.progress("change propagation: p50 %.0f ms, p99 %.0f ms, %d missed of %d", percentile(sorted, 0.5),
                percentile(sorted, 0.99), missed, PROPAGATION_ROUNDS);
        return latencies;
    }

    private static boolean matched(HttpClient http, String watchUrl, String watchlist) {
        Http.Reply listed = Http.send(http, "GET", watchUrl + "/api/watch/mentions?size=1&watchlistId=" + watchlist,
                ReplicaStack.reader(), null, null, TIMEOUT);
        if (listed.status() != 200) {
            throw new SuiteFailure("listing the mentions of a watchlist answered " + listed.status() + ": " + listed.body(),
                    List.of());
        }
        Matcher total = TOTAL.matcher(listed.body());
        return total.find() && Long.parseLong(total.group(1)) > 0;
    }

    // --- 3. cross-replica alert delivery ---

    private static List<Double> alerts(SuiteContext context, HttpClient http, ReplicaStack stack, MetricSamples samples)
            throws Exception {
        String keyword = "sondereplique" + Long.toString(System.nanoTime(), 36);
        // created on replica 2, where its mentions are ingested: what is measured is the alert's way to replica 1,
        // not the watchlist's way to replica 2
        String probe = watchlist(http, stack.watchUrl(1), "cross-replica probe", keyword);
        BlockingQueue<Long> events = new LinkedBlockingQueue<>();
        // the same alerts on a stream of replica 2, where they are raised: tells an alert not raised from one that
        // did not cross
        BlockingQueue<Long> local = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = open(http, stack.watchUrl(0), probe, events, samples);
        HttpResponse<Stream<String>> control = open(http, stack.watchUrl(1), probe, local, samples);
        Thread.sleep(1_000);
        context.progress("stream open on replica 1; probes ingested through replica 2");
        List<Double> latencies = new ArrayList<>();
        int missed = 0;
        AtomicInteger sent = new AtomicInteger();
        int localMissed = 0;
        for (int p = 0; p < ALERT_PROBES; p++) {
            events.clear();
            local.clear();
            long start = System.nanoTime();
            Http.Reply reply = Http.send(http, "POST", stack.watchUrl(1) + "/api/watch/mentions/batch", ReplicaStack.writer(),
                    "{\"mentions\":[" + mention("alert-" + UUID.randomUUID(), "alerte " + keyword + " en cours") + "]}",
                    null, TIMEOUT);
            if (reply.status() != 202) {
                throw new SuiteFailure("ingest on replica 2 answered " + reply.status() + ": " + reply.body(),
                        samples.metrics());
            }
            sent.incrementAndGet();
            Long arrived = events.poll(GIVE_UP_MS, TimeUnit.MILLISECONDS);
            double latency;
            if (arrived == null) {
                missed++;
                latency = GIVE_UP_MS;
            } else {
                latency = (arrived - start) / 1e6;
            }
            latencies.add(latency);
            samples.add(SERVICE, "cross-replica-alert", "ms", latency);
            Long here = local.poll(arrived == null ? 0 : GIVE_UP_MS, TimeUnit.MILLISECONDS);
            if (here == null) {
                localMissed++;
            } else {
                samples.add(SERVICE, "same-replica-alert", "ms", (here - start) / 1e6);
            }
            if (p == 2 && missed == 3 && localMissed == 3) {
                context.note("the first 3 probe mentions raised no alert event on either replica's stream within "
                        + GIVE_UP_MS + " ms: the remaining probes were not sent");
                break;
            }
            Thread.sleep(200);
        }
        stream.body().close();
        control.body().close();
        samples.add(SERVICE, "cross-replica-alert-missed", "count", missed);
        samples.add(SERVICE, "same-replica-alert-missed", "count", localMissed);
        if (localMissed > 0) {
            context.note(localMissed + " of " + sent.get() + " probe mentions raised no alert event on the stream of "
                    + "replica 2 either, where they were ingested");
        }
        if (missed > 0) {
            context.note(missed + " of " + sent.get() + " alerts raised on replica 2 did not reach the stream on replica 1 "
                    + "within " + GIVE_UP_MS + " ms (counted at " + GIVE_UP_MS + " ms)");
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        context.progress("cross-replica alerts: p50 %.0f ms, p99 %.0f ms, %d missed of %d", percentile(sorted, 0.5),
                percentile(sorted, 0.99), missed, sent.get());
        return latencies;
    }

    /** Opens an alert stream on the instance and queues the arrival time of each event of the watchlist. */
    private static HttpResponse<Stream<String>> open(HttpClient http, String watchUrl, String watchlistId,
            BlockingQueue<Long> arrivals, MetricSamples samples) throws Exception {
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(watchUrl
                + "/api/watch/alerts/stream")).header("Authorization", ReplicaStack.reader())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        if (stream.statusCode() != 200) {
            throw new SuiteFailure("the stream on " + watchUrl + " answered " + stream.statusCode(), samples.metrics());
        }
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        Matcher watchlist = WATCHLIST.matcher(line);
                        if (watchlist.find() && watchlist.group(1).equals(watchlistId)) {
                            arrivals.add(System.nanoTime());
                        }
                    }
                });
            } catch (RuntimeException closed) {
                // the suite closed the stream
            }
        }, "replicas-alert-stream");
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    // --- helpers ---

    private static String mention(String externalId, String text) {
        return String.format(Locale.ROOT, "{\"platform\":\"X\",\"externalId\":\"%s\",\"text\":\"%s\",\"publishedAt\":\"%s\"}",
                externalId, text, Instant.now());
    }

    /** Creates a watchlist (default KEYWORD rule) through the given instance; answers its id. */
    private static String watchlist(HttpClient http, String watchUrl, String name, String query) {
        Http.Reply created = Http.send(http, "POST", watchUrl + "/api/watch/watchlists", ReplicaStack.writer(),
                "{\"name\":\"" + name + "\",\"query\":\"" + query + "\",\"languages\":[],\"platforms\":[],\"severity\":\"MEDIUM\"}",
                null, TIMEOUT);
        if (created.status() != 201) {
            throw new SuiteFailure("creating watchlist '" + query + "' answered " + created.status() + ": " + created.body(),
                    List.of());
        }
        Matcher id = ID.matcher(created.body());
        if (!id.find()) {
            throw new SuiteFailure("no id in " + created.body(), List.of());
        }
        return id.group(1);
    }

    static double percentile(List<Double> sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
