package cm.vigie.benchmarks.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.report.MetricSamples;
import cm.vigie.benchmarks.report.SuiteReport;
import cm.vigie.benchmarks.report.Target;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.devstack.PortSetting;
import cm.vigie.devstack.PostgresNode;
import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.ServiceProcess;
import cm.vigie.devstack.StackOptions;
import cm.vigie.devstack.StackPorts;

/**
 * What the gateway costs: one GET list endpoint ({@code /api/accounts/official?size=20}, 20 accounts, real
 * PostgreSQL) loaded by {@value #CONNECTIONS} connections, directly against accounts-service and through the
 * gateway, in alternating rounds of the same run so that both see the same machine.
 *
 * <ul>
 * <li>Throughput: closed-loop rounds at saturation; target: gateway at least 70 % of direct (reported as a loss of
 * at most 30 %).</li>
 * <li>Added latency: open-loop rounds at a fixed total rate ({@value #RATE_SHARE} of the lower saturated
 * throughput, the same for both paths), latency timed from each request's scheduled send time; target: added median
 * at most 1 ms. At saturation a closed loop's median is about connections / throughput, so its difference only
 * restates the throughput loss (ADR 0021); it is reported for information, as is the 1-connection figure.</li>
 * </ul>
 *
 * <p>The gateway runs as {@code ./platform up} runs it, token checks and rate limiting on; only the institution's
 * budget is raised so that the limiter's bookkeeping is measured, not its refusals.
 */
public final class GatewaySuite implements Suite {

    static final int CONNECTIONS = 64;
    static final Duration WARM_UP = Duration.ofSeconds(15);
    /** Saturation (closed loop): the throughput ratio. */
    static final int ROUNDS = 5;
    static final Duration ROUND = Duration.ofSeconds(5);
    /** Fixed rate (open loop) at this share of the lower saturated throughput: the added latency. */
    static final double RATE_SHARE = 0.5;
    static final int FIXED_RATE_ROUNDS = 5;
    static final Duration FIXED_RATE_ROUND = Duration.ofSeconds(4);
    /** The unloaded hop: one connection, so that no request waits behind another for a processor. */
    static final int SINGLE = 1;
    static final int SINGLE_ROUNDS = 3;
    static final Duration SINGLE_ROUND = Duration.ofSeconds(3);
    /** Extra JVM options for the gateway only, space-separated (e.g. a flight recording while profiling). */
    static final String GATEWAY_JVM_OPTIONS = "VIGIE_BENCH_GATEWAY_JVM_OPTIONS";
    static final int ACCOUNTS = 20;
    static final String PATH = "/api/accounts/official?size=20";
    static final String DIRECT = "accounts-direct";
    static final String GATEWAY = "via-gateway";
    static final String COST = "gateway-cost";
    /** Unloaded and fixed-rate latencies are a millisecond or less: microseconds keep their digits in the report. */
    static final String MICROS = "µs";
    private static final String REALM = "minsante";

    /**
     * JVM options that raise the gateway's per-institution budget far above what one machine can send, so that a
     * benchmark measures the limiter's bookkeeping, not its refusals.
     */
    public static final List<String> UNLIMITED_BUDGET = List.of(
            "-Dvigie.gateway.rate-limit.institution-rate=1000000",
            "-Dvigie.gateway.rate-limit.institution-burst=1000000");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String description() {
        return "GET list at " + CONNECTIONS + " connections, direct and through the gateway in the same run: "
                + "throughput ratio at saturation (target >= 70 %) and added median latency at a fixed rate"
                + " (target <= 1 ms)";
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        MetricSamples samples = new MetricSamples();
        List<AutoCloseable> running = new ArrayList<>();
        Thread hook = new Thread(() -> closeAll(running), "benchmarks-stop-children");
        Runtime.getRuntime().addShutdownHook(hook);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).proxy(HttpClient.Builder.NO_PROXY).build();
        try {
            measure(context, samples, running, http);
        } catch (SuiteFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SuiteFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), samples.metrics(), e);
        } finally {
            context.progress("stopping what is still running");
            closeAll(running);
            http.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        List<Target> targets = List.of(
                Target.atMost("throughput loss <= 30 % (gateway >= 70 % of direct, " + CONNECTIONS
                        + " connections at saturation)", samples.metric(COST, "throughput-loss"), "median", 30),
                Target.atMost("added median latency <= 1 ms = 1000 µs (" + CONNECTIONS + " connections at a fixed"
                        + " rate, " + Math.round(100 * RATE_SHARE) + " % of saturation)",
                        samples.metric(COST, "added-median-latency-fixed-rate"), "median", 1000));
        return new SuiteReport(name(), SuiteReport.isoDate(context.started()), context.machine(),
                SuiteReport.COMPLETED, null, samples.metrics(), targets, context.notesSoFar());
    }

    private void measure(SuiteContext context, MetricSamples samples, List<AutoCloseable> running, HttpClient http)
            throws Exception {
        TestIdentityProvider identity = TestIdentityProvider.get();
        int identityPort = URI.create(identity.baseUrl()).getPort();
        StackPorts ports = StackPorts.random().with(PortSetting.KEYCLOAK, identityPort);
        Path runDir = context.runDir();
        StackOptions options = StackOptions.forTests(context.repoRoot(), runDir, runDir.resolve("keycloak-unused"))
                .toBuilder().ports(ports).javaHome(context.javaHome()).serviceKey(TestIdentityProvider.SERVICE_KEY)
                .registerDemoInstitutions(false).serviceReadyTimeout(READY_TIMEOUT).build();
        for (ServiceModule service : List.of(ServiceModule.ACCOUNTS, ServiceModule.GATEWAY)) {
            if (!Files.isRegularFile(service.runJar(options.repoRoot()))) {
                throw new SuiteFailure(service.runJar(options.repoRoot()) + " is missing: build with ./mvnw -DskipTests install",
                        List.of());
            }
        }
        context.progress("postgres starting on 127.0.0.1:%d", ports.postgres());
        PostgresNode postgres = PostgresNode.start(ports.postgres(), runDir.resolve("postgres"), true,
                runDir.resolve("logs/postgres.log"), List.of("accounts"));
        running.add(0, () -> {
            postgres.pid().ifPresent(context::countAsOwn);
            postgres.close();
        });

        ServiceProcess accounts = ServiceProcess.launch(ServiceModule.ACCOUNTS, options, ports.postgres());
        running.add(0, accounts);
        accounts.awaitReady(http, READY_TIMEOUT);
        List<String> gatewayOptions = new ArrayList<>(UNLIMITED_BUDGET);
        String extra = System.getenv(GATEWAY_JVM_OPTIONS);
        if (extra != null && !extra.isBlank()) {
            gatewayOptions.addAll(List.of(extra.strip().split("\\s+")));
            context.note("gateway JVM options added from " + GATEWAY_JVM_OPTIONS + ": " + extra.strip());
        }
        ServiceProcess gateway = ServiceProcess.launch(ServiceModule.GATEWAY, options, ports.postgres(), gatewayOptions);
        running.add(0, gateway);
        gateway.awaitReady(http, READY_TIMEOUT);
        context.progress("accounts-service at %s, gateway at %s", accounts.url(), gateway.url());
        context.note("the gateway runs as deployed: token check (verified-token cache on), rate limiter, circuit"
                + " breaker, route metrics and one JSON access-log line per request (asynchronous console handler)");

        String operator = TestTokens.bearer("platform", "bench-operator", "platform-admin");
        String writer = TestTokens.bearer(REALM, "bench-cm", "community-manager");
        String reader = TestTokens.bearer(REALM, "bench-viewer", "viewer");
        expect(http, "POST", accounts.url() + "/api/institutions", operator, "{\"slug\":\"" + REALM
                + "\",\"nameFr\":\"Ministère de la Santé publique\",\"nameEn\":\"Ministry of Public Health\","
                + "\"type\":\"MINISTRY\",\"adoptExistingRealm\":true}", 201, 409);
        for (int i = 0; i < ACCOUNTS; i++) {
            expect(http, "POST", accounts.url() + "/api/accounts/official", writer,
                    "{\"platform\":\"FACEBOOK\",\"handle\":\"@bench_" + i + "\",\"displayName\":\"Compte " + i + "\"}",
                    201, 409);
        }
        expect(http, "GET", gateway.url() + PATH, reader, null, 200);

        URI direct = URI.create(accounts.url() + PATH);
        URI through = URI.create(gateway.url() + PATH);
        LoadRound.Result warmDirect = LoadRound.run(direct, reader, CONNECTIONS, WARM_UP);
        LoadRound.Result warmGateway = LoadRound.run(through, reader, CONNECTIONS, WARM_UP);
        context.progress("warm-up: direct %s; gateway %s", warmDirect, warmGateway);

        // 1. saturation, closed loop: the throughput ratio
        List<Double> directThroughputs = new ArrayList<>();
        List<Double> gatewayThroughputs = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            LoadRound.Result[] pair = alternate(samples, round,
                    () -> LoadRound.run(direct, reader, CONNECTIONS, ROUND),
                    () -> LoadRound.run(through, reader, CONNECTIONS, ROUND));
            LoadRound.Result d = pair[0];
            LoadRound.Result g = pair[1];
            samples.add(DIRECT, "throughput", "req/s", d.throughput());
            samples.add(DIRECT, "latency-median-saturated", "ms", d.medianMs());
            samples.add(DIRECT, "latency-p99-saturated", "ms", d.p99Ms());
            samples.add(GATEWAY, "throughput", "req/s", g.throughput());
            samples.add(GATEWAY, "latency-median-saturated", "ms", g.medianMs());
            samples.add(GATEWAY, "latency-p99-saturated", "ms", g.p99Ms());
            directThroughputs.add(d.throughput());
            gatewayThroughputs.add(g.throughput());
            double ratio = 100.0 * g.throughput() / d.throughput();
            samples.add(COST, "throughput-ratio", "%", ratio);
            samples.add(COST, "throughput-loss", "%", 100 - ratio);
            samples.add(COST, "added-median-latency-saturated", "ms", g.medianMs() - d.medianMs());
            context.progress("%s", String.format(Locale.ROOT, "saturated round %d/%d (%d connections, closed loop):"
                    + " direct %s | gateway %s | ratio %.1f %%, added median %.2f ms", round, ROUNDS, CONNECTIONS, d, g,
                    ratio, g.medianMs() - d.medianMs()));
        }

        // 2. a fixed rate, open loop: the latency the hop adds when neither side is saturated
        double rate = Math.floor(RATE_SHARE * Math.min(median(directThroughputs), median(gatewayThroughputs)));
        samples.add(COST, "fixed-rate", "req/s", rate);
        context.note(String.format(Locale.ROOT, "fixed-rate rounds: %.0f req/s in all over %d connections (%.0f %% of"
                + " the lower of the median saturated throughputs, direct %.0f and gateway %.0f req/s), the same rate"
                + " for both; latency timed from each request's scheduled send time", rate, CONNECTIONS,
                100 * RATE_SHARE, median(directThroughputs), median(gatewayThroughputs)));
        for (int round = 1; round <= FIXED_RATE_ROUNDS; round++) {
            LoadRound.Result[] pair = alternate(samples, round,
                    () -> LoadRound.runAtRate(direct, reader, CONNECTIONS, rate, FIXED_RATE_ROUND),
                    () -> LoadRound.runAtRate(through, reader, CONNECTIONS, rate, FIXED_RATE_ROUND));
            LoadRound.Result d = pair[0];
            LoadRound.Result g = pair[1];
            samples.add(DIRECT, "throughput-fixed-rate", "req/s", d.throughput());
            samples.add(DIRECT, "latency-median-fixed-rate", MICROS, 1000 * d.medianMs());
            samples.add(DIRECT, "latency-p99-fixed-rate", "ms", d.p99Ms());
            samples.add(DIRECT, "late-sends-fixed-rate", "%", 100.0 * d.lateSends() / d.requests());
            samples.add(GATEWAY, "throughput-fixed-rate", "req/s", g.throughput());
            samples.add(GATEWAY, "latency-median-fixed-rate", MICROS, 1000 * g.medianMs());
            samples.add(GATEWAY, "latency-p99-fixed-rate", "ms", g.p99Ms());
            samples.add(GATEWAY, "late-sends-fixed-rate", "%", 100.0 * g.lateSends() / g.requests());
            samples.add(COST, "added-median-latency-fixed-rate", MICROS, 1000 * (g.medianMs() - d.medianMs()));
            samples.add(COST, "added-p99-latency-fixed-rate", "ms", g.p99Ms() - d.p99Ms());
            context.progress("%s", String.format(Locale.ROOT, "fixed-rate round %d/%d (%.0f req/s, %d connections):"
                    + " direct %s, %d late | gateway %s, %d late | added median %.2f ms", round, FIXED_RATE_ROUNDS,
                    rate, CONNECTIONS, d, d.lateSends(), g, g.lateSends(), g.medianMs() - d.medianMs()));
        }

        // 3. one connection: the unloaded hop
        for (int round = 1; round <= SINGLE_ROUNDS; round++) {
            LoadRound.Result[] pair = alternate(samples, round,
                    () -> LoadRound.run(direct, reader, SINGLE, SINGLE_ROUND),
                    () -> LoadRound.run(through, reader, SINGLE, SINGLE_ROUND));
            LoadRound.Result d = pair[0];
            LoadRound.Result g = pair[1];
            samples.add(DIRECT, "latency-median-1-connection", MICROS, 1000 * d.medianMs());
            samples.add(GATEWAY, "latency-median-1-connection", MICROS, 1000 * g.medianMs());
            samples.add(COST, "added-median-latency-1-connection", MICROS, 1000 * (g.medianMs() - d.medianMs()));
            context.progress("%s", String.format(Locale.ROOT, "unloaded round %d/%d (1 connection): direct %s | gateway"
                    + " %s | added median %.2f ms", round, SINGLE_ROUNDS, d, g, g.medianMs() - d.medianMs()));
        }
        context.note("added-median-latency-fixed-rate (judged) is measured at a fixed rate over " + CONNECTIONS
                + " connections; added-median-latency-saturated (closed loop at saturation, where the median is about "
                + CONNECTIONS + " / throughput and so restates the throughput loss) and added-median-latency-1-connection"
                + " (the unloaded hop) are for information. ADR 0021.");
        context.note("load generator, gateway, accounts-service and PostgreSQL share the same " + context.machine().cores()
                + " cores; through the gateway every request crosses two HTTP hops on the same processors");
    }

    interface Load {
        LoadRound.Result run() throws InterruptedException;
    }

    /**
     * One round of each path, direct first in odd rounds and the gateway first in even ones, so that a drift of the
     * machine (JIT, other work) does not always favour the same side. Fails on any answer that is not 200.
     *
     * @return direct, then gateway
     */
    private static LoadRound.Result[] alternate(MetricSamples samples, int round, Load direct, Load gateway)
            throws InterruptedException {
        LoadRound.Result d;
        LoadRound.Result g;
        if (round % 2 == 1) {
            d = direct.run();
            g = gateway.run();
        } else {
            g = gateway.run();
            d = direct.run();
        }
        for (LoadRound.Result result : List.of(d, g)) {
            if (result.failures() > 0) {
                throw new SuiteFailure(result.failures() + " requests did not answer 200 (" + result.statuses() + ")",
                        samples.metrics());
            }
        }
        return new LoadRound.Result[] { d, g };
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void expect(HttpClient http, String method, String url, String bearer, String json, int... ok)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", bearer)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : ok) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new SuiteFailure(method + " " + url + " answered " + response.statusCode() + ": " + response.body(),
                List.of());
    }

    private static void closeAll(List<AutoCloseable> running) {
        synchronized (running) {
            for (AutoCloseable closeable : running) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // keep closing the others
                }
            }
            running.clear();
        }
    }
}
