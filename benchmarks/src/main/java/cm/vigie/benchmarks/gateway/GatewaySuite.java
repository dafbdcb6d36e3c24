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
 * gateway, in alternating rounds of the same run so that both see the same machine. Targets: gateway throughput at
 * least 70 % of direct (reported as a loss of at most 30 %), added median latency at most 1 ms.
 *
 * <p>The gateway runs as {@code ./platform up} runs it, token checks and rate limiting on; only the institution's
 * budget is raised so that the limiter's bookkeeping is measured, not its refusals.
 */
public final class GatewaySuite implements Suite {

    static final int CONNECTIONS = 64;
    static final int ROUNDS = 3;
    static final Duration ROUND = Duration.ofSeconds(10);
    static final Duration WARM_UP = Duration.ofSeconds(8);
    /** The unloaded hop: one connection, so that no request waits behind another for a processor. */
    static final int SINGLE = 1;
    static final Duration SINGLE_ROUND = Duration.ofSeconds(5);
    /** Extra JVM options for the gateway only, space-separated (e.g. a flight recording while profiling). */
    static final String GATEWAY_JVM_OPTIONS = "VIGIE_BENCH_GATEWAY_JVM_OPTIONS";
    static final int ACCOUNTS = 20;
    static final String PATH = "/api/accounts/official?size=20";
    static final String DIRECT = "accounts-direct";
    static final String GATEWAY = "via-gateway";
    static final String COST = "gateway-cost";
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
                + "throughput ratio (target >= 70 %) and added median latency (target <= 1 ms)";
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
                Target.atMost("throughput loss <= 30 % (gateway >= 70 % of direct)",
                        samples.metric(COST, "throughput-loss"), "median", 30),
                Target.atMost("added median latency <= 1 ms (at " + CONNECTIONS + " connections)",
                        samples.metric(COST, "added-median-latency"), "median", 1.0));
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

        LoadRound.Result warmDirect = LoadRound.run(URI.create(accounts.url() + PATH), reader, CONNECTIONS, WARM_UP);
        LoadRound.Result warmGateway = LoadRound.run(URI.create(gateway.url() + PATH), reader, CONNECTIONS, WARM_UP);
        context.progress("warm-up: direct %s; gateway %s", warmDirect, warmGateway);

        for (int round = 1; round <= ROUNDS; round++) {
            LoadRound.Result direct = LoadRound.run(URI.create(accounts.url() + PATH), reader, CONNECTIONS, ROUND);
            LoadRound.Result through = LoadRound.run(URI.create(gateway.url() + PATH), reader, CONNECTIONS, ROUND);
            for (LoadRound.Result result : List.of(direct, through)) {
                if (result.failures() > 0) {
                    throw new SuiteFailure(result.failures() + " requests did not answer 200 (" + result.statuses()
                            + ")", samples.metrics());
                }
            }
            record(samples, DIRECT, direct);
            record(samples, GATEWAY, through);
            double ratio = 100.0 * through.throughput() / direct.throughput();
            samples.add(COST, "throughput-ratio", "%", ratio);
            samples.add(COST, "throughput-loss", "%", 100 - ratio);
            samples.add(COST, "added-median-latency", "ms", through.medianMs() - direct.medianMs());
            context.progress("%s", String.format(Locale.ROOT, "round %d/%d: direct %s | gateway %s | ratio %.1f %%,"
                    + " added median %.2f ms", round, ROUNDS, direct, through, ratio, through.medianMs() - direct.medianMs()));
        }
        for (int round = 1; round <= ROUNDS; round++) {
            LoadRound.Result direct = LoadRound.run(URI.create(accounts.url() + PATH), reader, SINGLE, SINGLE_ROUND);
            LoadRound.Result through = LoadRound.run(URI.create(gateway.url() + PATH), reader, SINGLE, SINGLE_ROUND);
            for (LoadRound.Result result : List.of(direct, through)) {
                if (result.failures() > 0) {
                    throw new SuiteFailure(result.failures() + " requests did not answer 200 (" + result.statuses()
                            + ")", samples.metrics());
                }
            }
            samples.add(DIRECT, "latency-median-1-connection", "ms", direct.medianMs());
            samples.add(GATEWAY, "latency-median-1-connection", "ms", through.medianMs());
            samples.add(COST, "added-median-latency-1-connection", "ms", through.medianMs() - direct.medianMs());
            context.progress("%s", String.format(Locale.ROOT, "unloaded round %d/%d (1 connection): direct %s | gateway %s"
                    + " | added median %.2f ms", round, ROUNDS, direct, through, through.medianMs() - direct.medianMs()));
        }
        context.note("added-median-latency is judged at " + CONNECTIONS + " connections, where it follows the throughput"
                + " loss (a closed loop of " + CONNECTIONS + " waits about " + CONNECTIONS + " / throughput per request);"
                + " added-median-latency-1-connection is the unloaded hop cost, for information");
        context.note("load generator, gateway, accounts-service and PostgreSQL share the same " + context.machine().cores()
                + " cores; through the gateway every request crosses two HTTP hops on the same processors");
    }

    private static void record(MetricSamples samples, String service, LoadRound.Result result) {
        samples.add(service, "throughput", "req/s", result.throughput());
        samples.add(service, "latency-median", "ms", result.medianMs());
        samples.add(service, "latency-p99", "ms", result.p99Ms());
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
