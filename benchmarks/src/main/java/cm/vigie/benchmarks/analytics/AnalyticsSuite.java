package cm.vigie.benchmarks.analytics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.ingest.WatchStack;
import cm.vigie.benchmarks.report.MetricSamples;
import cm.vigie.benchmarks.report.SuiteReport;
import cm.vigie.benchmarks.report.Target;
import cm.vigie.devstack.PostgresNode;
import cm.vigie.watch.retention.MonthPartitions;

/**
 * Analytics on {@value #MENTIONS} mentions stored by month (ADR 0031), and the expiry of a month under ingestion.
 *
 * <p>The mentions are spread evenly over the 13 monthly partitions of the retention window (this month and the 12
 * before it; 20 watchlists, about 1.5 watchlist matches each, a third of each tone) and written with {@code COPY},
 * mentions and their {@code mention_match} rows in two parallel streams, as ingestion would leave them; one more
 * month, older than the platform's period, holds as many. Then:
 * <ol>
 * <li>{@code GET /api/watch/analytics/volume} is called {@value #CALLS} times (after {@value #WARM_UP} warm-up calls)
 * for a random watchlist and a random 30-day range of the last year: the daily series p95 (target <= 200 ms);</li>
 * <li>batches of {@value #INGEST_BATCH} mentions are posted back to back for {@value #BEFORE_SECONDS} s, then the
 * expired month is detached and dropped by the very statements the service runs ({@link MonthPartitions}) while
 * posting goes on for {@value #AFTER_SECONDS} s: the drop's duration (target under 1 s) and the ingest rate in the
 * {@value #DURING_SECONDS} s from the drop's start beside the rate before (target: at most 10 % lower).</li>
 * </ol>
 */
public final class AnalyticsSuite implements Suite {

    static final int MENTIONS = 10_000_000;
    static final int MONTHS = 13;
    static final int WATCHLISTS = 20;
    static final int WARM_UP = 50;
    static final int CALLS = 300;
    static final double TARGET_P95_MS = 200;
    static final double TARGET_DROP_MS = 1_000;
    static final double TARGET_RATE_LOSS_PERCENT = 10;
    static final int INGEST_BATCH = 500;
    static final int BEFORE_SECONDS = 20;
    static final int DURING_SECONDS = 5;
    static final int AFTER_SECONDS = 10;
    static final String SERVICE = "watch-service";
    private static final int COPY_CHUNK = 20_000;

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public String description() {
        return "with 10,000,000 mentions over 13 monthly partitions (COPY), a 30-day daily series per watchlist (target "
                + "p95 <= 200 ms); dropping an expired month under ingestion (target < 1 s, ingest rate kept)";
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        MetricSamples samples = new MetricSamples();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).proxy(HttpClient.Builder.NO_PROXY).build();
        try (WatchStack stack = WatchStack.start(context, http)) {
            List<String> watchlists = new ArrayList<>();
            for (int i = 0; i < WATCHLISTS; i++) {
                watchlists.add(stack.watchlist("series " + i, "serie" + i));
            }
            Instant now = Instant.now();
            YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
            YearMonth first = current.minusMonths(MONTHS - 1);
            // the month before the platform's 13-month horizon: expired, as a month becomes when time passes
            YearMonth expired = YearMonth.from(now.atZone(ZoneOffset.UTC).minusMonths(MONTHS)).minusMonths(1);
            long started = System.nanoTime();
            int perMonth = MENTIONS / MONTHS;
            try (Connection connection = connect(stack)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT mention_partitions_create('" + expired.atDay(1) + "')");
                }
            }
            Instant seedFrom = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            seed(stack, watchlists, 0, MENTIONS, seedFrom, now.minusSeconds(60));
            Instant expiredFrom = expired.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            seed(stack, watchlists, MENTIONS, perMonth, expiredFrom,
                    expired.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(60));
            double seedSeconds = (System.nanoTime() - started) / 1e9;
            context.progress("%,d mentions over %d months, and %,d in the expired month %s, stored with COPY in %.1f s",
                    MENTIONS, MONTHS, perMonth, expired, seedSeconds);
            samples.add(SERVICE, "seed-copy-seconds", "s", seedSeconds);
            started = System.nanoTime();
            try (Connection connection = connect(stack); Statement statement = connection.createStatement()) {
                // Autovacuum would do this soon after the bulk load (insert-driven vacuum): every call then sees the
                // steady state, the visibility map set, so the series is an index-only scan without heap fetches.
                statement.execute("VACUUM (ANALYZE) mention");
                statement.execute("VACUUM (ANALYZE) mention_match");
                context.progress("vacuum and analyze in %.1f s; %s", (System.nanoTime() - started) / 1e9, sizes(statement));
            }

            series(context, samples, http, stack, watchlists, now);
            dropUnderIngestion(context, samples, http, stack, expired, now);
        } catch (SuiteFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SuiteFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), samples.metrics(), e);
        } finally {
            http.close();
        }
        return new SuiteReport(name(), SuiteReport.isoDate(context.started()), context.machine(), SuiteReport.COMPLETED,
                null, samples.metrics(), List.of(
                        Target.atMost("p95 <= 200 ms", samples.metric(SERVICE, "daily-series-30-days-p95"), "median",
                                TARGET_P95_MS),
                        Target.atMost("expired month dropped in < 1 s", samples.metric(SERVICE, "drop-expired-month"),
                                "max", TARGET_DROP_MS),
                        Target.atMost("ingest rate during the drop at most 10 % below the rate before",
                                samples.metric(SERVICE, "ingest-rate-loss-during-drop"), "max", TARGET_RATE_LOSS_PERCENT)),
                context.notesSoFar());
    }

    private static void series(SuiteContext context, MetricSamples samples, HttpClient http, WatchStack stack,
            List<String> watchlists, Instant now) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<Double> latencies = new ArrayList<>();
        String token = WatchStack.reader();
        for (int call = 0; call < WARM_UP + CALLS; call++) {
            if (call % 100 == 0) {
                token = WatchStack.reader();
            }
            Instant to = now.minus(Duration.ofDays(random.nextInt(330)));
            URI uri = URI.create(stack.watchUrl() + "/api/watch/analytics/volume?interval=DAY&timeZone=Africa/Douala&watchlistId="
                    + watchlists.get(random.nextInt(WATCHLISTS)) + "&from=" + to.minus(Duration.ofDays(30)) + "&to=" + to);
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - sent) / 1e6;
            if (response.statusCode() != 200 || !response.body().contains("\"points\"")) {
                throw new SuiteFailure("a series answered " + response.statusCode() + ": " + response.body(), samples.metrics());
            }
            if (call >= WARM_UP) {
                latencies.add(ms);
                samples.add(SERVICE, "daily-series-30-days", "ms", ms);
            }
        }
        Collections.sort(latencies);
        double p95 = latencies.get((int) Math.ceil(0.95 * latencies.size()) - 1);
        samples.add(SERVICE, "daily-series-30-days-p95", "ms", p95);
        context.progress("30-day daily series: median %.1f ms, p95 %.1f ms, max %.1f ms over %d calls",
                latencies.get(latencies.size() / 2), p95, latencies.get(latencies.size() - 1), CALLS);
    }

    /** One posted batch: when it was sent and answered (nanoTime), and how many mentions it stored. */
    private record Batch(long sent, long answered, int accepted) {
    }

    private static void dropUnderIngestion(SuiteContext context, MetricSamples samples, HttpClient http, WatchStack stack,
            YearMonth expired, Instant now) throws Exception {
        List<Batch> batches = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService poster = Executors.newSingleThreadExecutor();
        Future<?> posting = poster.submit(() -> {
            SplittableRandom random = new SplittableRandom(11);
            long n = 0;
            String token = WatchStack.writer();
            long tokenAt = System.nanoTime();
            while (!stop.get()) {
                if (System.nanoTime() - tokenAt > 60e9) {
                    token = WatchStack.writer();
                    tokenAt = System.nanoTime();
                }
                StringBuilder body = new StringBuilder("{\"mentions\":[");
                Instant published = Instant.now().minusSeconds(30);
                for (int i = 0; i < INGEST_BATCH; i++) {
                    body.append(i == 0 ? "" : ",").append("{\"platform\":\"X\",\"externalId\":\"drop-").append(n++)
                            .append("\",\"author\":{\"handle\":\"author").append(random.nextInt(5000))
                            .append("\"},\"text\":\"Coupure d'eau serie").append(random.nextInt(WATCHLISTS))
                            .append(" quartier ").append(random.nextInt(1000)).append("\",\"language\":\"fr\",\"publishedAt\":\"")
                            .append(published).append("\"}");
                }
                body.append("]}");
                long sent = System.nanoTime();
                HttpResponse<String> response = stack.post(stack.watchUrl() + "/api/watch/mentions/batch", token,
                        body.toString());
                long answered = System.nanoTime();
                if (response.statusCode() != 202 || !response.body().contains("\"accepted\":" + INGEST_BATCH)) {
                    throw new IllegalStateException("a batch answered " + response.statusCode() + ": "
                            + response.body().substring(0, Math.min(300, response.body().length())));
                }
                batches.add(new Batch(sent, answered, INGEST_BATCH));
            }
            return null;
        });
        long ingestStart = System.nanoTime();
        Thread.sleep(BEFORE_SECONDS * 1000L);
        long dropStart = System.nanoTime();
        List<MonthPartitions.Dropped> dropped;
        try (Connection connection = connect(stack)) {
            // the horizon of the platform's period, as the service computes it
            dropped = MonthPartitions.dropEndingBefore(connection, now.atZone(ZoneOffset.UTC).minusMonths(MONTHS).toInstant(),
                    Duration.ofSeconds(2));
        }
        long dropEnd = System.nanoTime();
        Thread.sleep(AFTER_SECONDS * 1000L);
        stop.set(true);
        posting.get();
        poster.shutdown();
        String prefix = "_p%04d_%02d".formatted(expired.getYear(), expired.getMonthValue());
        if (dropped.stream().map(MonthPartitions.Dropped::table).sorted().toList()
                .equals(List.of("mention" + prefix, "mention_match" + prefix)) == false) {
            throw new SuiteFailure("the drop removed " + dropped + ", not the two tables of " + expired, samples.metrics());
        }
        double dropMs = (dropEnd - dropStart) / 1e6;
        samples.add(SERVICE, "drop-expired-month", "ms", dropMs);
        dropped.forEach(d -> samples.add(SERVICE, "drop-" + d.table().replaceAll("_p\\d{4}_\\d{2}$", ""), "ms", d.millis()));

        double before = rate(batches, ingestStart, dropStart);
        double during = rate(batches, dropStart, dropStart + DURING_SECONDS * 1_000_000_000L);
        double after = rate(batches, dropStart + DURING_SECONDS * 1_000_000_000L, dropEnd + AFTER_SECONDS * 1_000_000_000L);
        double loss = (before - during) / before * 100;
        samples.add(SERVICE, "ingest-rate-before-drop", "mentions/s", before);
        samples.add(SERVICE, "ingest-rate-during-drop", "mentions/s", during);
        samples.add(SERVICE, "ingest-rate-after-drop", "mentions/s", after);
        samples.add(SERVICE, "ingest-rate-loss-during-drop", "%", loss);
        double slowestOverlapping = batches.stream().filter(b -> b.answered() >= dropStart && b.sent() <= dropEnd)
                .mapToDouble(b -> (b.answered() - b.sent()) / 1e6).max().orElse(0);
        List<Double> latenciesBefore = batches.stream().filter(b -> b.answered() < dropStart)
                .map(b -> (b.answered() - b.sent()) / 1e6).sorted().toList();
        samples.add(SERVICE, "batch-latency-overlapping-drop-max", "ms", slowestOverlapping);
        samples.add(SERVICE, "batch-latency-before-drop-median", "ms", latenciesBefore.get(latenciesBefore.size() / 2));
        context.progress("expired month %s detached and dropped in %.0f ms (%s); ingest %.0f mentions/s before, %.0f in the "
                + "%d s from the drop, %.0f after (%.1f %% lower during); slowest batch overlapping the drop %.0f ms, "
                + "median batch before %.0f ms", expired, dropMs, dropped, before, during, DURING_SECONDS, after, loss,
                slowestOverlapping, latenciesBefore.get(latenciesBefore.size() / 2));
    }

    /** Mentions per second stored by batches answered within [from, to) (nanoTime). */
    private static double rate(List<Batch> batches, long from, long to) {
        long mentions;
        synchronized (batches) {
            mentions = batches.stream().filter(b -> b.answered() >= from && b.answered() < to).mapToLong(Batch::accepted).sum();
        }
        return mentions / ((to - from) / 1e9);
    }

    private static Connection connect(WatchStack stack) throws Exception {
        return DriverManager.getConnection(stack.jdbcUrl(), PostgresNode.USER, PostgresNode.PASSWORD);
    }

    /**
     * {@code count} mentions numbered from {@code offset}, published evenly between {@code from} and {@code to}, each
     * matching one or two watchlists; the mentions and their match rows are copied in two parallel streams.
     */
    private static void seed(WatchStack stack, List<String> watchlists, int offset, int count, Instant from, Instant to)
            throws Exception {
        long span = to.getEpochSecond() - from.getEpochSecond();
        ExecutorService copiers = Executors.newFixedThreadPool(2);
        try {
            Future<?> mentions = copiers.submit(() -> copy(stack, """
                    COPY mention (id, institution_id, platform, external_id, author_handle, text, text_folded, language,
                         language_detected, published_at, ingested_at, likes, shares, comments, views, matched_watchlists,
                         sentiment) FROM STDIN""", count, (g, row) -> {
                int n = offset + g;
                Instant published = Instant.ofEpochSecond(from.getEpochSecond() + span * g / count);
                List<String> matched = matched(watchlists, n);
                row.append(id(n)).append("\tminsante\t").append(n % 3 == 0 ? "X" : "FACEBOOK").append("\tseed-").append(n)
                        .append("\tauthor").append(n % 5000).append("\tserie mention ").append(n).append("\tserie mention ")
                        .append(n).append("\tfr\tt\t").append(published).append('\t').append(published).append('\t')
                        .append(n % 100).append('\t').append(n % 10).append('\t').append(n % 7).append('\t').append(n % 1000)
                        .append("\t{").append(String.join(",", matched)).append("}\t").append(n % 3 - 1).append('\n');
            }));
            Future<?> matches = copiers.submit(() -> copy(stack,
                    "COPY mention_match (institution_id, watchlist_id, mention_id, published_at) FROM STDIN", count, (g, row) -> {
                        int n = offset + g;
                        Instant published = Instant.ofEpochSecond(from.getEpochSecond() + span * g / count);
                        for (String watchlist : matched(watchlists, n)) {
                            row.append("minsante\t").append(watchlist).append('\t').append(id(n)).append('\t').append(published)
                                    .append('\n');
                        }
                    }));
            mentions.get();
            matches.get();
        } finally {
            copiers.shutdown();
        }
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(int g, StringBuilder row);
    }

    private static Void copy(WatchStack stack, String sql, int count, RowWriter writer) throws Exception {
        try (Connection connection = connect(stack)) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                StringBuilder chunk = new StringBuilder(COPY_CHUNK * 200);
                for (int g = 0; g < count; g++) {
                    writer.write(g, chunk);
                    if ((g + 1) % COPY_CHUNK == 0 || g == count - 1) {
                        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        chunk.setLength(0);
                    }
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
        return null;
    }

    private static List<String> matched(List<String> watchlists, int n) {
        String a = watchlists.get(n % WATCHLISTS);
        String b = watchlists.get((n / 7) % WATCHLISTS);
        return n % 2 == 0 || a.equals(b) ? List.of(a) : List.of(a, b);
    }

    /** Deterministic, so that both streams name the same mention. */
    private static UUID id(int n) {
        return new UUID(0x5eed000000004000L, 0x8000000000000000L | n);
    }

    private static String sizes(Statement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery("""
                SELECT pg_size_pretty(sum(pg_total_relation_size(i.inhrelid))) FILTER (WHERE i.inhparent = 'mention'::regclass),
                       pg_size_pretty(sum(pg_total_relation_size(i.inhrelid))) FILTER (WHERE i.inhparent = 'mention_match'::regclass),
                       count(*) FILTER (WHERE i.inhparent = 'mention'::regclass)
                  FROM pg_inherits i WHERE i.inhparent IN ('mention'::regclass, 'mention_match'::regclass)""")) {
            rows.next();
            return "mention " + rows.getString(1) + ", mention_match " + rows.getString(2) + ", " + rows.getInt(3)
                    + " monthly partitions each";
        }
    }
}
