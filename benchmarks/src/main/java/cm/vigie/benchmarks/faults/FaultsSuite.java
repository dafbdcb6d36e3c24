package cm.vigie.benchmarks.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.ingest.SyntheticMentions;
import cm.vigie.benchmarks.report.MetricSamples;
import cm.vigie.benchmarks.report.SuiteReport;
import cm.vigie.benchmarks.report.Target;
import cm.vigie.devstack.ServiceModule;

/**
 * Breaks one component of the running platform at a time and checks what the issue promises (see
 * {@code docs/adr/0019-resilience.md}):
 * <ol>
 * <li>{@code watch-kill}: watch-service killed with SIGKILL during a 60-second ingest at 1,000 mentions/s through the
 * gateway, clients retrying with the same Idempotency-Key, then started again: every mention answered 202 is stored
 * exactly once, and while it was down the gateway answered 503 quickly;</li>
 * <li>{@code accounts-down}: accounts-service stopped: ingestion goes on, the new authors' impersonation checks stay
 * pending and complete once it is back;</li>
 * <li>{@code postgres-stop}: PostgreSQL stopped for 20 s: the services answer 503 problem+json (never 500), then
 * answer 200 again without being restarted;</li>
 * <li>{@code keycloak-stop}: tokens already issued keep working, a new login fails with a clear error, and logins
 * work again once Keycloak is back.</li>
 * </ol>
 * Each scenario is a target judged PASS or MISS; a MISS makes the suite fail (exit code 1).
 */
public final class FaultsSuite implements Suite {

    static final int RATE = 1_000;
    static final int BATCH = 100;
    static final Duration INGEST = Duration.ofSeconds(60);
    static final Duration KILL_AFTER = Duration.ofSeconds(20);
    static final Duration RETRY_FOR = Duration.ofMinutes(5);
    static final long MAX_BACKOFF_MS = 4_000;
    static final double QUICK_503_MS = 1_000;
    static final Duration POSTGRES_DOWN = Duration.ofSeconds(20);
    static final Duration RECOVERY = Duration.ofSeconds(120);
    static final Duration CHECKS_COMPLETE = Duration.ofMinutes(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final boolean realKeycloak;

    public FaultsSuite() {
        this(true);
    }

    FaultsSuite(boolean realKeycloak) {
        this.realKeycloak = realKeycloak;
    }

    @Override
    public String name() {
        return "faults";
    }

    @Override
    public String description() {
        return "fault injection on the running platform: watch-service killed during a 1,000 mentions/s ingest, "
                + "accounts-service stopped, PostgreSQL stopped 20 s, Keycloak stopped; PASS/FAIL per scenario";
    }

    static final List<String> SCENARIOS = List.of("watch-kill", "accounts-down", "postgres-stop", "keycloak-stop");

    /** The scenarios to run: all, or those listed in {@code -Dvigie.faults.scenarios} (comma-separated). */
    static List<String> chosen() {
        String list = System.getProperty("vigie.faults.scenarios", "").strip();
        if (list.isEmpty()) {
            return SCENARIOS;
        }
        List<String> chosen = java.util.Arrays.stream(list.split(",")).map(String::strip).toList();
        for (String name : chosen) {
            if (!SCENARIOS.contains(name)) {
                throw new IllegalArgumentException("unknown scenario '" + name + "'; known: " + SCENARIOS);
            }
        }
        return chosen;
    }

    private record Outcome(String scenario, String service, boolean passed, String summary) {
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        MetricSamples samples = new MetricSamples();
        List<Outcome> outcomes = new ArrayList<>();
        LiveStack stack = null;
        try {
            stack = LiveStack.start(context.repoRoot(), context.runDir(), context.javaHome(), realKeycloak,
                    context.repoRoot().resolve("benchmarks/target/keycloak"), line -> context.progress("%s", line));
            LiveStack started = stack;
            String run = Long.toString(System.currentTimeMillis(), 36);
            List<String> chosen = chosen();
            if (chosen.size() < SCENARIOS.size()) {
                context.note("only the scenarios " + chosen + " were run (-Dvigie.faults.scenarios)");
            }
            if (chosen.contains("watch-kill")) {
                outcomes.add(record(context, watchKill(context, stack, samples, run)));
            }
            if (chosen.contains("accounts-down")) {
                outcomes.add(record(context, attempt("accounts-down", "accounts-service", () -> accountsDown(context, started, samples, run))));
            }
            if (chosen.contains("postgres-stop")) {
                outcomes.add(record(context, attempt("postgres-stop", "all services", () -> postgresStop(context, started, samples))));
            }
            if (realKeycloak && chosen.contains("keycloak-stop")) {
                outcomes.add(record(context, attempt("keycloak-stop", "keycloak", () -> keycloakStop(context, started, samples))));
            }
        } catch (SuiteFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SuiteFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), samples.metrics(), e);
        } finally {
            context.progress("stopping the stack");
            if (stack != null) {
                stack.close();
            }
        }
        List<Target> targets = outcomes.stream().map(o -> new Target(o.scenario() + ": " + o.summary(), o.service(),
                o.scenario(), "max", 0, "failed checks", o.passed() ? 0 : 1, o.passed())).toList();
        List<String> failed = outcomes.stream().filter(o -> !o.passed()).map(Outcome::scenario).toList();
        return new SuiteReport(name(), SuiteReport.isoDate(context.started()), context.machine(),
                failed.isEmpty() ? SuiteReport.COMPLETED : SuiteReport.FAILED,
                failed.isEmpty() ? null : "failed: " + String.join(", ", failed), samples.metrics(), targets,
                context.notesSoFar());
    }

    @FunctionalInterface
    private interface ScenarioRun {
        Outcome run() throws Exception;
    }

    /** Runs one scenario; one that cannot complete is a FAIL with its reason, and the next scenarios still run. */
    private static Outcome attempt(String scenario, String service, ScenarioRun run) {
        try {
            return run.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(scenario, service, false, "interrupted");
        } catch (Exception e) {
            return new Outcome(scenario, service, false, "could not complete: " + e.getMessage());
        }
    }

    private static Outcome record(SuiteContext context, Outcome outcome) {
        context.note(outcome.scenario() + ": " + (outcome.passed() ? "PASS" : "FAIL") + " - " + outcome.summary());
        return outcome;
    }

    // --- 1. watch-service killed during ingest ---

    private Outcome watchKill(SuiteContext context, LiveStack stack, MetricSamples samples, String run) throws Exception {
        String scenario = "watch-kill";
        context.progress("%s: %d mentions/s in batches of %d through the gateway for %d s; kill -9 after %d s",
                scenario, RATE, BATCH, INGEST.toSeconds(), KILL_AFTER.toSeconds());
        String url = stack.gatewayUrl() + "/api/watch/mentions/batch";
        SyntheticMentions generator = new SyntheticMentions(8L);
        int batches = (int) (INGEST.toSeconds() * RATE / BATCH);
        List<String> bodies = new ArrayList<>(batches);
        Instant now = Instant.now();
        for (int b = 0; b < batches; b++) {
            List<String> items = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                items.add(generator.item("fk-" + run + "-" + b + "-" + i, now.minusSeconds(i)));
            }
            bodies.add("{\"mentions\":[" + String.join(",", items) + "]}");
        }
        // warm the path up once so that the first batches do not pay the JIT
        Http.Reply warm = Http.send(stack.http(), "GET", stack.gatewayUrl() + "/api/watch/mentions?size=1", stack.writer(),
                null, null, TIMEOUT);
        if (warm.status() != 200) {
            throw new SuiteFailure("GET /api/watch/mentions answered " + warm.status() + ": " + warm.body(), samples.metrics());
        }

        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Latencies unavailable = new Latencies();
        Latencies accepted = new Latencies();
        AtomicLong attempts = new AtomicLong();
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong backAt = new AtomicLong(Long.MAX_VALUE);
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long giveUp = start + INGEST.toNanos() + RETRY_FOR.toNanos();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        var ticker = Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(batches);
        AtomicLong next = new AtomicLong();
        long periodNanos = 1_000_000_000L * BATCH / RATE;
        ticker.scheduleAtFixedRate(() -> {
            int b = (int) next.getAndIncrement();
            if (b >= batches) {
                return;
            }
            String key = "fk-" + run + "-" + b;
            clients.execute(() -> {
                try {
                    long backoff = 200;
                    while (System.nanoTime() < giveUp) {
                        long sent = System.nanoTime();
                        Http.Reply reply;
                        try {
                            reply = Http.send(stack.http(), "POST", url, stack.writer(), bodies.get(b), key, TIMEOUT);
                        } catch (RuntimeException noToken) {
                            unexpected.add(noToken.getMessage());
                            return;
                        }
                        attempts.incrementAndGet();
                        statuses.computeIfAbsent(reply.status(), s -> new AtomicLong()).incrementAndGet();
                        if (reply.status() == 202) {
                            acknowledged.add(b);
                            accepted.add(reply.millis());
                            return;
                        }
                        if (reply.status() == 503 && sent >= killedAt.get() && sent <= backAt.get()) {
                            unavailable.add(reply.millis());
                        }
                        if (reply.status() == 400 || reply.status() == 401 || reply.status() == 403
                                || reply.status() == 422) {
                            unexpected.add(reply.status() + " " + reply.body());
                            return;
                        }
                        // exponential backoff with jitter, as a well-behaved client retries
                        Thread.sleep(backoff / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        Thread.sleep(KILL_AFTER.toMillis());
        long pidBefore = stack.pid(ServiceModule.WATCH);
        killedAt.set(System.nanoTime());
        stack.kill(ServiceModule.WATCH);
        // A light probe on its own connection while the service is down: the gateway's own answer time, apart
        // from the time the batches' 30 kB bodies take to cross a saturated machine.
        Latencies probe503 = new Latencies();
        Map<Integer, Long> probeStatuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.net.http.HttpClient probeHttp = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).proxy(java.net.http.HttpClient.Builder.NO_PROXY).build();
        Thread prober = Thread.ofPlatform().daemon().name("faults-probe").start(() -> {
            while (backAt.get() == Long.MAX_VALUE) {
                Http.Reply reply = Http.send(probeHttp, "GET", stack.gatewayUrl() + "/api/watch/mentions?size=1",
                        stack.writer(), null, null, TIMEOUT);
                if (backAt.get() != Long.MAX_VALUE) {
                    break;
                }
                probeStatuses.merge(reply.status(), 1L, Long::sum);
                if (reply.status() == 503) {
                    probe503.add(reply.millis());
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        context.progress("%s: watch-service (pid %d) killed with SIGKILL at %.1f s; starting it again", scenario,
                pidBefore, (killedAt.get() - start) / 1e9);
        Duration restart = stack.restart(ServiceModule.WATCH);
        backAt.set(System.nanoTime());
        context.progress("%s: watch-service ready again after %.1f s (pid %d)", scenario, restart.toMillis() / 1e3,
                stack.pid(ServiceModule.WATCH));
        prober.join(TIMEOUT.toMillis());
        probeHttp.close();
        boolean finished = done.await(INGEST.toSeconds() + RETRY_FOR.toSeconds() + 30, TimeUnit.SECONDS);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        ticker.shutdownNow();
        clients.shutdownNow();

        Set<String> stored = new HashSet<>();
        long rows;
        long duplicates;
        try (Connection db = stack.database("watch")) {
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT external_id, count(*) FROM mention WHERE external_id LIKE ? GROUP BY external_id")) {
                q.setString(1, "fk-" + run + "-%");
                rows = 0;
                duplicates = 0;
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        stored.add(r.getString(1));
                        rows += r.getLong(2);
                        duplicates += r.getLong(2) - 1;
                    }
                }
            }
        }
        long lost = 0;
        for (int b : acknowledged) {
            for (int i = 0; i < BATCH; i++) {
                if (!stored.contains("fk-" + run + "-" + b + "-" + i)) {
                    lost++;
                }
            }
        }
        long ackedMentions = (long) acknowledged.size() * BATCH;
        double p99 = unavailable.percentile(0.99);
        samples.add(scenario, "mentions-answered-202", "mentions", ackedMentions);
        samples.add(scenario, "mentions-sent", "mentions", (double) batches * BATCH);
        samples.add(scenario, "rows-stored", "mentions", rows);
        samples.add(scenario, "lost", "mentions", lost);
        samples.add(scenario, "duplicated", "mentions", duplicates);
        samples.add(scenario, "downtime", "s", (backAt.get() - killedAt.get()) / 1e9);
        samples.add(scenario, "503-while-down", "answers", unavailable.count());
        samples.add(scenario, "503-p50", "ms", nanToZero(unavailable.percentile(0.5)));
        samples.add(scenario, "503-p99", "ms", nanToZero(p99));
        double probeP99 = probe503.percentile(0.99);
        samples.add(scenario, "probe-503-while-down", "answers", probe503.count());
        samples.add(scenario, "probe-503-p50", "ms", nanToZero(probe503.percentile(0.5)));
        samples.add(scenario, "probe-503-p99", "ms", nanToZero(probeP99));
        samples.add(scenario, "202-p50", "ms", nanToZero(accepted.percentile(0.5)));
        samples.add(scenario, "202-p99", "ms", nanToZero(accepted.percentile(0.99)));
        samples.add(scenario, "attempts", "requests", attempts.get());
        context.note(String.format(Locale.ROOT, "%s: answers by status %s; %d attempts for %d batches in %.0f s",
                scenario, new TreeMap<>(statuses), attempts.get(), batches, sendSeconds));
        boolean passed = finished && unexpected.isEmpty() && acknowledged.size() == batches && lost == 0 && duplicates == 0
                && rows == ackedMentions && probe503.count() > 0 && probeP99 <= QUICK_503_MS;
        context.note(String.format(Locale.ROOT, "%s: probe GETs while down answered %s", scenario, probeStatuses));
        String summary = String.format(Locale.ROOT, "%,d of %,d mentions answered 202, %,d stored, %d lost, %d duplicated;"
                + " down %.1f s; 503 p99 %.0f ms on a light probe (%d answers), %.0f ms on the batches (%d answers)%s",
                ackedMentions, (long) batches * BATCH, rows, lost, duplicates, (backAt.get() - killedAt.get()) / 1e9,
                nanToZero(probeP99), probe503.count(), nanToZero(p99), unavailable.count(),
                unexpected.isEmpty() ? "" : "; unexpected " + unexpected.get(0));
        return new Outcome(scenario, "watch-service", passed, summary);
    }

    // --- 2. accounts-service stopped ---

    private Outcome accountsDown(SuiteContext context, LiveStack stack, MetricSamples samples, String run)
            throws Exception {
        String scenario = "accounts-down";
        stack.stop(ServiceModule.ACCOUNTS);
        context.progress("%s: accounts-service stopped; ingesting mentions by new authors", scenario);
        int batches = 10;
        int perBatch = 20;
        Map<Integer, Long> statuses = new TreeMap<>();
        Latencies latencies = new Latencies();
        Instant now = Instant.now();
        for (int b = 0; b < batches; b++) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < perBatch; i++) {
                String n = b + "-" + i;
                items.add("{\"platform\":\"FACEBOOK\",\"externalId\":\"ad-" + run + "-" + n + "\",\"author\":{\"handle\":\"ad_"
                        + run + "_" + n + "\",\"displayName\":\"Ministere Sante " + n + "\",\"followers\":12},\"text\":\""
                        + "Communiqué officiel du ministère numéro " + n + "\",\"publishedAt\":\"" + now + "\"}");
            }
            Http.Reply reply = Http.send(stack.http(), "POST", stack.gatewayUrl() + "/api/watch/mentions/batch",
                    stack.writer(), "{\"mentions\":[" + String.join(",", items) + "]}", "ad-" + run + "-" + b, TIMEOUT);
            statuses.merge(reply.status(), 1L, Long::sum);
            latencies.add(reply.millis());
        }
        int authors = batches * perBatch;
        Thread.sleep(5_000); // the batches' own checks time out (2 s) and leave the authors to the job
        long pending = countChecks(stack, run, "PENDING");
        context.progress("%s: ingest answered %s; %d of %d new authors pending", scenario, statuses, pending, authors);
        Duration restart = stack.restart(ServiceModule.ACCOUNTS);
        long back = System.nanoTime();
        context.progress("%s: accounts-service ready again after %.1f s", scenario, restart.toMillis() / 1e3);
        long checked = 0;
        while (System.nanoTime() - back < CHECKS_COMPLETE.toNanos()) {
            checked = countChecks(stack, run, "DONE");
            if (checked >= authors) {
                break;
            }
            Thread.sleep(2_000);
        }
        double completeSeconds = (System.nanoTime() - back) / 1e9;
        samples.add(scenario, "ingest-202-while-down", "batches", statuses.getOrDefault(202, 0L));
        samples.add(scenario, "ingest-latency-p99", "ms", nanToZero(latencies.percentile(0.99)));
        samples.add(scenario, "authors-pending-while-down", "authors", pending);
        samples.add(scenario, "authors-checked-after", "authors", checked);
        samples.add(scenario, "checks-complete-after-back", "s", completeSeconds);
        boolean passed = statuses.getOrDefault(202, 0L) == batches && pending == authors && checked == authors;
        String summary = String.format(Locale.ROOT, "%d/%d batches answered 202 while it was down; %d/%d authors pending,"
                + " then %d/%d checked %.0f s after it was back", statuses.getOrDefault(202, 0L), batches, pending,
                authors, checked, authors, completeSeconds);
        return new Outcome(scenario, "accounts-service", passed, summary);
    }

    private static long countChecks(LiveStack stack, String run, String status) throws Exception {
        try (Connection db = stack.database("watch");
                PreparedStatement q = db.prepareStatement(
                        "SELECT count(*) FROM author_check WHERE handle LIKE ? AND status = ?")) {
            q.setString(1, "ad\\_" + run + "\\_%");
            q.setString(2, status);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    // --- 3. PostgreSQL stopped ---

    private record Probe(String name, String method, String url, String body, boolean write) {
    }

    private Outcome postgresStop(SuiteContext context, LiveStack stack, MetricSamples samples) throws Exception {
        String scenario = "postgres-stop";
        List<Probe> probes = new ArrayList<>();
        for (var entry : Map.of(ServiceModule.ACCOUNTS, "/api/accounts/official?size=5", ServiceModule.WATCH,
                "/api/watch/mentions?size=5", ServiceModule.PLAN, "/api/plans/communication-plans?size=5").entrySet()) {
            probes.add(new Probe(entry.getKey().module() + " GET", "GET", stack.serviceUrl(entry.getKey()) + entry.getValue(),
                    null, false));
            probes.add(new Probe("gateway GET " + entry.getKey().module(), "GET", stack.gatewayUrl() + entry.getValue(),
                    null, false));
        }
        probes.add(new Probe("plan-service POST", "POST", stack.serviceUrl(ServiceModule.PLAN)
                + "/api/plans/communication-plans", "{\"title\":\"Pendant la panne\",\"periodStart\":\"2027-01-01\","
                + "\"periodEnd\":\"2027-01-31\"}", true));
        probes.sort(java.util.Comparator.comparing(Probe::name));
        // Before the fault every probe must succeed; a busy machine may need a few tries (gateway timeouts).
        long healthyBy = System.nanoTime() + RECOVERY.toNanos();
        for (Probe probe : probes) {
            Http.Reply reply = probe(stack, probe);
            while (reply.status() / 100 != 2 && System.nanoTime() < healthyBy) {
                Thread.sleep(1_000);
                reply = probe(stack, probe);
            }
            if (reply.status() / 100 != 2) {
                throw new SuiteFailure(scenario + ": before the fault, " + probe.name() + " answered " + reply.status()
                        + ": " + reply.body(), samples.metrics());
            }
        }
        Map<ServiceModule, Long> pids = new LinkedHashMap<>();
        for (ServiceModule service : ServiceModule.values()) {
            pids.put(service, stack.pid(service));
        }
        stack.stopPostgres();
        long stopped = System.nanoTime();
        context.progress("%s: PostgreSQL stopped (fast shutdown) for %d s", scenario, POSTGRES_DOWN.toSeconds());
        Map<String, Map<Integer, Long>> during = new TreeMap<>();
        Latencies latencies = new Latencies();
        List<String> bad = new ArrayList<>();
        while (System.nanoTime() - stopped < POSTGRES_DOWN.toNanos()) {
            for (Probe probe : probes) {
                Http.Reply reply = probe(stack, probe);
                during.computeIfAbsent(probe.name(), n -> new TreeMap<>()).merge(reply.status(), 1L, Long::sum);
                latencies.add(reply.millis());
                if (reply.status() != 503 || !reply.isProblem()) {
                    if (bad.size() < 5) {
                        bad.add(probe.name() + " answered " + reply.status() + " " + reply.contentType() + " "
                                + reply.body().substring(0, Math.min(200, reply.body().length())));
                    }
                }
            }
            Thread.sleep(500);
        }
        stack.startPostgres();
        long restarted = System.nanoTime();
        context.progress("%s: PostgreSQL started again (same data directory and port); answers meanwhile: %s",
                scenario, during);
        Map<String, Double> recoveredAfter = new TreeMap<>();
        while (recoveredAfter.size() < probes.size() && System.nanoTime() - restarted < RECOVERY.toNanos()) {
            for (Probe probe : probes) {
                if (!recoveredAfter.containsKey(probe.name()) && probe(stack, probe).status() / 100 == 2) {
                    recoveredAfter.put(probe.name(), (System.nanoTime() - restarted) / 1e9);
                }
            }
            Thread.sleep(250);
        }
        boolean sameProcesses = true;
        for (ServiceModule service : ServiceModule.values()) {
            sameProcesses &= pids.get(service) == stack.pid(service) && ProcessHandle.of(pids.get(service)).isPresent();
        }
        double slowest = recoveredAfter.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        long answers = during.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        long other = answers - during.values().stream().mapToLong(m -> m.getOrDefault(503, 0L)).sum();
        samples.add(scenario, "answers-while-down", "answers", answers);
        samples.add(scenario, "not-503-problem-while-down", "answers", bad.isEmpty() ? 0 : Math.max(other, bad.size()));
        samples.add(scenario, "latency-while-down-p50", "ms", nanToZero(latencies.percentile(0.5)));
        samples.add(scenario, "latency-while-down-p99", "ms", nanToZero(latencies.percentile(0.99)));
        samples.add(scenario, "recovered-after", "s", nanToZero(slowest));
        context.note(scenario + ": first 200 after the restart, s: " + recoveredAfter);
        boolean passed = bad.isEmpty() && answers > 0 && recoveredAfter.size() == probes.size() && sameProcesses;
        String summary = String.format(Locale.ROOT, "%d answers while down, %s; all %d probes 2xx again %.1f s after "
                + "the restart%s%s", answers, bad.isEmpty() ? "all 503 problem+json" : "NOT all 503: " + bad.get(0),
                probes.size(), nanToZero(slowest), recoveredAfter.size() == probes.size() ? ""
                        : " (only " + recoveredAfter.keySet() + ")", sameProcesses ? ", no service restarted" : ", a service restarted");
        return new Outcome(scenario, "all services", passed, summary);
    }

    private static Http.Reply probe(LiveStack stack, Probe probe) {
        return Http.send(stack.http(), probe.method(), probe.url(), stack.writer(), probe.body(), null, TIMEOUT);
    }

    // --- 4. Keycloak stopped ---

    private Outcome keycloakStop(SuiteContext context, LiveStack stack, MetricSamples samples) throws Exception {
        String scenario = "keycloak-stop";
        String issued = stack.login(LiveStack.REALM, "cm");
        List<String> reads = List.of("/api/accounts/official?size=5", "/api/watch/watchlists", "/api/plans/communication-plans?size=5");
        for (String path : reads) {
            Http.Reply reply = Http.send(stack.http(), "GET", stack.gatewayUrl() + path, issued, null, null, TIMEOUT);
            if (reply.status() != 200) {
                throw new SuiteFailure(scenario + ": before the fault, GET " + path + " answered " + reply.status(),
                        samples.metrics());
            }
        }
        stack.stopKeycloak();
        context.progress("%s: Keycloak stopped", scenario);
        List<String> failures = new ArrayList<>();
        Latencies latencies = new Latencies();
        for (int round = 0; round < 3; round++) {
            for (String path : reads) {
                Http.Reply reply = Http.send(stack.http(), "GET", stack.gatewayUrl() + path, issued, null, null, TIMEOUT);
                latencies.add(reply.millis());
                if (reply.status() != 200) {
                    failures.add("GET " + path + " answered " + reply.status());
                }
            }
        }
        Http.Reply write = Http.send(stack.http(), "POST", stack.gatewayUrl() + "/api/plans/communication-plans", issued,
                "{\"title\":\"Sans Keycloak\",\"periodStart\":\"2027-02-01\",\"periodEnd\":\"2027-02-28\"}", null, TIMEOUT);
        if (write.status() != 201) {
            failures.add("POST communication-plans answered " + write.status());
        }
        String loginError;
        try {
            stack.login(LiveStack.REALM, "cm");
            loginError = null;
        } catch (RuntimeException e) {
            loginError = e.getMessage();
        }
        context.progress("%s: with the token issued before: %s; new login: %s", scenario,
                failures.isEmpty() ? "every call answered 2xx" : failures, loginError);
        Duration back = stack.startKeycloak();
        String again;
        try {
            again = stack.login(LiveStack.REALM, "cm");
        } catch (RuntimeException e) {
            again = null;
        }
        boolean loginBack = again != null && Http.send(stack.http(), "GET", stack.gatewayUrl() + reads.get(0), again,
                null, null, TIMEOUT).status() == 200;
        samples.add(scenario, "calls-with-issued-token-failed", "calls", failures.size());
        samples.add(scenario, "latency-with-issued-token-p99", "ms", nanToZero(latencies.percentile(0.99)));
        samples.add(scenario, "keycloak-restart", "s", back.toMillis() / 1e3);
        boolean clear = loginError != null && loginError.contains("Keycloak");
        boolean passed = failures.isEmpty() && clear && loginBack;
        String summary = String.format(Locale.ROOT, "%s with the token issued before; new login failed: %s; "
                + "after Keycloak's restart (%.0f s) login %s", failures.isEmpty() ? "10/10 calls 2xx" : failures.toString(),
                loginError == null ? "NO, it succeeded" : "\"" + loginError + "\"", back.toMillis() / 1e3,
                loginBack ? "works again" : "still fails");
        return new Outcome(scenario, "keycloak", passed, summary);
    }

    private static double nanToZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
