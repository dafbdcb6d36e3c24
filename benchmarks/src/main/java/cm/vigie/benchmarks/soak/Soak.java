package cm.vigie.benchmarks.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cm.vigie.benchmarks.faults.LiveStack;
import cm.vigie.benchmarks.soak.MixedWorkload.Kind;
import cm.vigie.devstack.ServiceModule;

/**
 * The soak itself, shared by {@code benchmarks/run soak} and the 60-second smoke test of the build: seeds data,
 * warms up, measures the maximum throughput of the mix with a closed loop of {@link Settings#probeClients()}
 * clients, then holds an open-loop load at {@link Settings#utilisation()} of it for {@link Settings#hold()}, sampling
 * PostgreSQL's connections; heap after a full GC is read on every service before and after the hold.
 */
public final class Soak {

    /**
     * @param warmUp       closed-loop load before anything is measured
     * @param probe        closed-loop load whose throughput is the maximum
     * @param probeClients clients of the closed loop
     * @param hold         the soak proper
     * @param utilisation  share of the maximum the soak sends (0.7)
     * @param maxInFlight  the most requests the open loop has in flight; beyond, it falls behind (and says so)
     * @param settle       wait after a load before the heap is read, so that work the load left queued (deliveries,
     *                     checks, batched writes) is done and its objects are garbage
     */
    public record Settings(Duration warmUp, Duration probe, int probeClients, Duration hold, double utilisation,
                           int maxInFlight, Duration settle) {

        public static Settings of(Duration hold) {
            return new Settings(Duration.ofSeconds(15), Duration.ofSeconds(20), 12, hold, 0.7, 64,
                    Duration.ofSeconds(10));
        }
    }

    /**
     * @param maxThroughput     operations/s of the closed loop
     * @param targetRate        operations/s the open loop aimed at
     * @param achievedRate      operations/s it sent
     * @param tally             counts and latencies of the hold, per kind
     * @param heapStartMiB      heap used after a full GC before the hold, per service
     * @param heapEndMiB        the same after the hold
     * @param connections       PostgreSQL client connections to the services' databases, one sample every 5 s
     * @param connectionLimit   the most the pools may open together (3 pools of {@value #POOL_MAX})
     * @param heapGrowthByClass the classes whose live bytes grew most during the hold, per service
     */
    public record Result(double maxThroughput, double targetRate, double achievedRate, MixedWorkload.Tally tally,
                         Map<String, Double> heapStartMiB, Map<String, Double> heapEndMiB, List<Integer> connections,
                         int connectionLimit, Map<String, List<ClassHistogram.Growth>> heapGrowthByClass) {

        public int maxConnections() {
            return connections.stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        /** Heap growth in percent of the start, per service. */
        public Map<String, Double> heapGrowthPercent() {
            Map<String, Double> growth = new LinkedHashMap<>();
            heapStartMiB.forEach((service, start) -> growth.put(service, 100 * (heapEndMiB.get(service) - start) / start));
            return growth;
        }
    }

    /** Agroal's default pool size (no service sets quarkus.datasource.jdbc.max-size). */
    static final int POOL_MAX = 20;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
    private static final int GROWTH_LINES = 12;
    private static final int HEAP_READINGS = 3;

    private Soak() {
    }

    public static Result run(LiveStack stack, Settings settings, Consumer<String> progress) throws Exception {
        MixedWorkload workload = new MixedWorkload(stack);
        workload.seed();
        progress.accept("seeded: " + MixedWorkload.ACCOUNTS + " official accounts, 5 watchlists, 5 plans, 5 batches");
        double warm = closedLoop(workload, settings.probeClients(), settings.warmUp(), new MixedWorkload.Tally());
        progress.accept(String.format(Locale.ROOT, "warm-up: %.0f operations/s", warm));
        MixedWorkload.Tally probeTally = new MixedWorkload.Tally();
        double max = closedLoop(workload, settings.probeClients(), settings.probe(), probeTally);
        progress.accept(String.format(Locale.ROOT, "maximum: %.0f operations/s with %d clients (%d 5xx)", max,
                settings.probeClients(), probeTally.serverErrors()));
        Thread.sleep(settings.settle());
        Map<String, Double> heapStart = heaps(stack);
        Map<String, ClassHistogram> histogramsStart = histograms(stack);
        progress.accept("heap after full GC before the soak (MiB): " + heapStart);

        double target = Math.max(1, max * settings.utilisation());
        MixedWorkload.Tally tally = new MixedWorkload.Tally();
        List<Integer> connections = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean holding = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().name("soak-pg-sampler").start(() -> {
            while (holding.get()) {
                connections.add(connections(stack));
                try {
                    Thread.sleep(SAMPLE_EVERY);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        progress.accept(String.format(Locale.ROOT, "holding %.0f operations/s (%.0f %% of the maximum) for %d s", target,
                100 * settings.utilisation(), settings.hold().toSeconds()));
        double achieved = openLoop(workload, target, settings.hold(), settings.maxInFlight(), tally, progress);
        holding.set(false);
        sampler.interrupt();
        sampler.join(10_000);
        connections.add(connections(stack));
        Thread.sleep(settings.settle());
        Map<String, Double> heapEnd = heaps(stack);
        Map<String, ClassHistogram> histogramsEnd = histograms(stack);
        progress.accept("heap after full GC after the soak (MiB): " + heapEnd);
        Map<String, List<ClassHistogram.Growth>> growth = new LinkedHashMap<>();
        histogramsEnd.forEach((service, end) -> {
            growth.put(service, end.largestGrowthSince(histogramsStart.get(service), GROWTH_LINES));
            progress.accept("largest growth of live objects in " + service + ":");
            growth.get(service).forEach(line -> progress.accept("  " + line));
        });
        return new Result(max, target, achieved, tally, heapStart, heapEnd, List.copyOf(connections), 3 * POOL_MAX,
                growth);
    }

    /** {@code clients} threads, each running operations back to back; answers operations/s. */
    static double closedLoop(MixedWorkload workload, int clients, Duration duration, MixedWorkload.Tally tally)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int seed = c;
            threads.add(Thread.ofVirtual().start(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                while (System.nanoTime() < end) {
                    workload.runOne(random, tally);
                    done.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Starts operations at {@code rate} per second whatever their latency (up to {@code maxInFlight} at once). */
    static double openLoop(MixedWorkload workload, double rate, Duration duration, int maxInFlight,
            MixedWorkload.Tally tally, Consumer<String> progress) throws InterruptedException {
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore inFlight = new Semaphore(maxInFlight);
        SplittableRandom seeds = new SplittableRandom(42);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long started = 0;
        long nextReport = start + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long due = (long) ((now - start) / 1e9 * rate);
            while (started < due) {
                inFlight.acquire();
                SplittableRandom random = seeds.split();
                clients.execute(() -> {
                    try {
                        workload.runOne(random, tally);
                    } finally {
                        inFlight.release();
                    }
                });
                started++;
            }
            if (now >= nextReport) {
                progress.accept(String.format(Locale.ROOT, "  %d s: %d operations, %d 5xx so far",
                        (now - start) / 1_000_000_000L, tally.total(), tally.serverErrors()));
                nextReport += TimeUnit.SECONDS.toNanos(60);
            }
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.MINUTES);
        return started / seconds;
    }

    /**
     * Client connections to the services' databases, the sampler's own excluded. Parallel query workers also carry
     * the database's name in {@code pg_stat_activity} (70 "connections" seen with pools of 20 while large scans ran in
     * parallel): only client backends are connections.
     */
    static int connections(LiveStack stack) {
        try (Connection db = stack.database("postgres"); Statement q = db.createStatement();
                ResultSet r = q.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname IN "
                        + "('accounts','watch','plan') AND backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            r.next();
            return r.getInt(1);
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * Heap used after a full GC (jcmd GC.run, then GC.heap_info), in MiB, per service: the least of
     * {@value #HEAP_READINGS} readings a second apart, because a single reading also counts whatever a request, a
     * timer or a pool happened to hold at that instant (±3 MiB seen on a 25 MiB heap).
     */
    static Map<String, Double> heaps(LiveStack stack) throws IOException, InterruptedException {
        Map<String, Double> heaps = new LinkedHashMap<>();
        for (int reading = 0; reading < HEAP_READINGS; reading++) {
            if (reading > 0) {
                Thread.sleep(1000);
            }
            for (ServiceModule service : ServiceModule.values()) {
                long pid = stack.javaPid(service);
                jcmd(stack, pid, "GC.run");
                heaps.merge(service.module(), usedMiB(jcmd(stack, pid, "GC.heap_info")), Math::min);
            }
        }
        return heaps;
    }

    /** Live objects per class after a full GC, per service. */
    static Map<String, ClassHistogram> histograms(LiveStack stack) throws IOException, InterruptedException {
        Map<String, ClassHistogram> histograms = new LinkedHashMap<>();
        for (ServiceModule service : ServiceModule.values()) {
            histograms.put(service.module(), ClassHistogram.parse(jcmd(stack, stack.javaPid(service), "GC.class_histogram")));
        }
        return histograms;
    }

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** Sums the {@code used} of the heap lines (one for G1/ZGC, one per generation for Serial and Parallel). */
    public static double usedMiB(String heapInfo) {
        long kib = 0;
        for (String line : heapInfo.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            if (line.matches("\\s*(garbage-first heap|def new generation|tenured generation|PSYoungGen|ParOldGen|"
                    + "Shenandoah|ZHeap).*")) {
                Matcher used = USED.matcher(line);
                if (used.find()) {
                    kib += Long.parseLong(used.group(1));
                }
            }
        }
        if (kib == 0) {
            throw new IllegalStateException("no heap figure in: " + heapInfo);
        }
        return kib / 1024.0;
    }

    private static String jcmd(LiveStack stack, long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(stack.javaHome().resolve("bin/jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }

    /** Share of each kind in the hold, for the report. */
    static Map<Kind, Double> mix(MixedWorkload.Tally tally) {
        Map<Kind, Double> mix = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            mix.put(kind, 100.0 * tally.count(kind) / Math.max(1, tally.total()));
        }
        return mix;
    }
}
