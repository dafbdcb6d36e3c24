package cm.vigie.benchmarks.alertlatency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.ingest.SyntheticMentions;
import cm.vigie.benchmarks.ingest.WatchStack;
import cm.vigie.benchmarks.report.MetricSamples;
import cm.vigie.benchmarks.report.SuiteReport;
import cm.vigie.benchmarks.report.Target;

/**
 * Time from the POST of a batch to the alert it causes on the SSE stream, while 1,000 mentions per second are
 * ingested for 60 seconds (10 batches of 100 per second, each sent on schedule whatever the previous answer).
 *
 * <p>Each batch holds one mention for one of {@value #PROBES} probe watchlists, in turn, so each probe watchlist
 * gets a batch every second; its alert's n-th event (mention count n) is the n-th batch sent for it. The other
 * 99 mentions are synthetic posts matched against 50 ordinary watchlists.
 */
public final class AlertLatencySuite implements Suite {

    static final int RATE_PER_SECOND = 1_000;
    static final int BATCH = 100;
    static final int PROBES = 10;
    static final Duration WARM_UP = Duration.ofSeconds(10);
    static final Duration MEASURED = Duration.ofSeconds(60);
    static final double TARGET_P99_MS = 1_000;
    static final String SERVICE = "watch-service";
    // an event read back from the log (ADR 30) is PostgreSQL's text of a jsonb: a space after each colon
    private static final Pattern COUNT = Pattern.compile("\"mentionCount\":\\s*(\\d+)");
    private static final Pattern WATCHLIST = Pattern.compile("\"watchlistId\":\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern WINDOW = Pattern.compile("\"windowStart\":\\s*\"([^\"]+)\"");

    @Override
    public String name() {
        return "alert-latency";
    }

    @Override
    public String description() {
        return "1,000 mentions/s for 60 s; time from the POST to the alert on the SSE stream (target p99 <= 1 s)";
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        MetricSamples samples = new MetricSamples();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).proxy(HttpClient.Builder.NO_PROXY).build();
        try (WatchStack stack = WatchStack.start(context, http)) {
            measure(context, stack, http, samples);
        } catch (SuiteFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SuiteFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), samples.metrics(), e);
        } finally {
            http.close();
        }
        return new SuiteReport(name(), SuiteReport.isoDate(context.started()), context.machine(), SuiteReport.COMPLETED,
                null, samples.metrics(), List.of(Target.atMost("p99 <= 1000 ms", samples.metric(SERVICE, "alert-latency-p99"),
                        "median", TARGET_P99_MS)), context.notesSoFar());
    }

    private void measure(SuiteContext context, WatchStack stack, HttpClient http, MetricSamples samples) throws Exception {
        List<String> probes = new ArrayList<>();
        for (int p = 0; p < PROBES; p++) {
            probes.add(stack.watchlist("probe " + p, "sondelatence" + p));
        }
        List<String> terms = SyntheticMentions.queryTerms();
        for (int i = 0; i < 50; i++) {
            stack.watchlist("ordinary " + i, terms.get(i % terms.size()) + " AND " + terms.get((i * 5 + 1) % terms.size()));
        }
        // arrival time of each (probe watchlist, mention count) on the stream
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                URI.create(stack.watchUrl() + "/api/watch/alerts/stream"))
                .header("Authorization", WatchStack.reader()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        if (stream.statusCode() != 200) {
            throw new SuiteFailure("the stream answered " + stream.statusCode(), samples.metrics());
        }
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        Matcher watchlist = WATCHLIST.matcher(line);
                        Matcher count = COUNT.matcher(line);
                        Matcher window = WINDOW.matcher(line);
                        if (watchlist.find() && probes.contains(watchlist.group(1)) && count.find() && window.find()) {
                            // the k-th event of a probe watchlist, ordered by window then count, is its k-th batch
                            // (an hour boundary during the run opens a new alert whose count restarts at 1)
                            arrivals.putIfAbsent(watchlist.group(1) + "#" + window.group(1) + "#"
                                    + String.format("%08d", Integer.parseInt(count.group(1))), now);
                        }
                    }
                });
            } catch (RuntimeException closed) {
                // the suite closed the stream
            }
        }, "alert-stream-reader");
        reader.setDaemon(true);
        reader.start();
        context.progress("stream open; %d probe and 50 ordinary watchlists", PROBES);

        SyntheticMentions generator = new SyntheticMentions(42L);
        Map<String, Long> sent = new ConcurrentHashMap<>();
        int[] perProbe = new int[PROBES];
        send(context, stack, generator, WARM_UP, probes, perProbe, new ConcurrentHashMap<>(), "warm-up");
        Thread.sleep(2_000);
        send(context, stack, generator, MEASURED, probes, perProbe, sent, "measured");
        // the last alerts may still be on their way: wait until every batch's event arrived, at most 30 s
        long deadline = System.nanoTime() + 30_000_000_000L;
        int expected = (int) ((WARM_UP.toSeconds() + MEASURED.toSeconds()) * RATE_PER_SECOND / BATCH);
        while (arrivals.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        stream.body().close();

        List<Double> latencies = new ArrayList<>();
        int missing = 0;
        int warmUpPerProbe = (int) (WARM_UP.toSeconds() * RATE_PER_SECOND / BATCH / PROBES);
        for (String probe : probes) {
            List<Long> events = arrivals.entrySet().stream().filter(e -> e.getKey().startsWith(probe + "#"))
                    .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
            List<Map.Entry<String, Long>> batches = sent.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(probe + "#"))
                    .sorted(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.getKey().substring(probe.length() + 1))))
                    .toList();
            for (int k = 0; k < batches.size(); k++) {
                int event = warmUpPerProbe + k;
                if (event < events.size()) {
                    latencies.add((events.get(event) - batches.get(k).getValue()) / 1e6);
                } else {
                    missing++;
                }
            }
        }
        if (latencies.isEmpty()) {
            throw new SuiteFailure("no alert reached the stream", samples.metrics());
        }
        Collections.sort(latencies);
        for (double latency : latencies) {
            samples.add(SERVICE, "alert-latency", "ms", latency);
        }
        double p50 = percentile(latencies, 0.50);
        double p99 = percentile(latencies, 0.99);
        samples.add(SERVICE, "alert-latency-p50", "ms", p50);
        samples.add(SERVICE, "alert-latency-p99", "ms", p99);
        context.progress("POST to SSE alert: p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d batches", p50, p99,
                latencies.get(latencies.size() - 1), latencies.size());
        if (missing > 0) {
            context.note(missing + " measured batches had no alert event on the stream (counted as failures)");
            throw new SuiteFailure(missing + " of " + sent.size() + " batches raised no alert event on the stream",
                    samples.metrics());
        }
    }

    /** Sends batches at the configured rate for the duration; records the send time of each probe batch. */
    private static void send(SuiteContext context, WatchStack stack, SyntheticMentions generator, Duration duration,
            List<String> probes, int[] perProbe, Map<String, Long> sent, String phase) throws Exception {
        int batches = (int) (duration.toSeconds() * RATE_PER_SECOND / BATCH);
        long periodNanos = 1_000_000_000L * BATCH / RATE_PER_SECOND;
        List<String> bodies = new ArrayList<>(batches);
        List<String> keys = new ArrayList<>(batches);
        Instant now = Instant.now();
        for (int b = 0; b < batches; b++) {
            int probe = b % PROBES;
            perProbe[probe]++;
            keys.add(probes.get(probe) + "#" + perProbe[probe]);
            StringBuilder body = new StringBuilder("{\"mentions\":[");
            body.append("{\"platform\":\"X\",\"externalId\":\"probe-").append(UUID.randomUUID())
                    .append("\",\"text\":\"alerte sondelatence").append(probe).append(" en cours\",\"publishedAt\":\"")
                    .append(now).append("\"}");
            for (int i = 1; i < BATCH; i++) {
                body.append(',').append(generator.item(phase + "-" + UUID.randomUUID(), now));
            }
            bodies.add(body.append("]}").toString());
        }
        String token = WatchStack.writer();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(batches);
        clock.scheduleAtFixedRate(() -> {
            int b = next.getAndIncrement();
            if (b >= batches) {
                return;
            }
            workers.execute(() -> {
                try {
                    sent.put(keys.get(b), System.nanoTime());
                    HttpResponse<String> response = stack.post(stack.watchUrl() + "/api/watch/mentions/batch", token, bodies.get(b));
                    if (response.statusCode() != 202) {
                        failure.compareAndSet(null, "a batch answered " + response.statusCode() + ": " + response.body());
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e.toString());
                } finally {
                    done.countDown();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        boolean finished = done.await(duration.toSeconds() + 120, TimeUnit.SECONDS);
        clock.shutdownNow();
        workers.shutdownNow();
        if (!finished || failure.get() != null) {
            throw new SuiteFailure(phase + ": " + (failure.get() == null ? "batches did not finish" : failure.get()), List.of());
        }
        context.progress("%s: %d batches of %d sent at %d mentions/s", phase, batches, BATCH, RATE_PER_SECOND);
    }

    static double percentile(List<Double> sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
