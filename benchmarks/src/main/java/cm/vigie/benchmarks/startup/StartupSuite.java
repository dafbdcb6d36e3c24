package cm.vigie.benchmarks.startup;

import java.io.IOException;
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
import java.util.OptionalDouble;

import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.gateway.GatewaySuite;
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
 * How fast each service is ready and how much memory it holds once it has worked.
 *
 * <p>One embedded PostgreSQL (databases accounts, watch, plan) and one {@link TestIdentityProvider} (realm keys;
 * tokens signed by {@link TestTokens}) serve the whole run. Each service, in start order, is launched
 * {@value #RUNS} times in a fresh JVM exactly as {@code ./platform up} launches it (devstack's
 * {@link ServiceProcess}: {@code -Xms64m -Xmx256m}, nothing tuned for the benchmark). Per run: the time from just
 * before the JVM is spawned to the first 200 from {@code /q/health/ready} (polled every 10 ms), Quarkus's own
 * "started in", the resident memory (VmRSS) when ready, then {@value #WARM_UP_REQUESTS} warm-up requests that do
 * real work (every one must succeed) and VmRSS after them. The last run of accounts, watch and plan keeps running,
 * so the gateway is measured in front of live services.
 */
public final class StartupSuite implements Suite {

    static final int RUNS = 3;
    static final int WARM_UP_REQUESTS = 1_000;
    static final int WARM_UP_CONCURRENCY = 4;
    static final double READY_TARGET_MS = 3_000;
    static final double RSS_TARGET_MIB = 300;
    static final List<ServiceModule> ORDER = List.of(ServiceModule.ACCOUNTS, ServiceModule.WATCH,
            ServiceModule.PLAN, ServiceModule.GATEWAY);

    static final String READY = "ready-after-jvm-start";
    static final String STARTED_IN = "quarkus-started-in";
    static final String RSS_AT_READY = "rss-at-ready";
    static final String RSS_AFTER_WARM_UP = "rss-after-warm-up";
    static final String WARM_UP_THROUGHPUT = "warm-up-throughput";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration LOG_LINE_TIMEOUT = Duration.ofSeconds(5);
    private static final String REALM = "minsante";

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "per service: JVM start to ready (target <= 3 s) and resident memory after "
                + "1,000 requests (target <= 300 MiB), " + RUNS + " fresh JVMs each";
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        MetricSamples samples = new MetricSamples();
        Closer closer = new Closer();
        Thread hook = new Thread(closer::close, "benchmarks-stop-children");
        Runtime.getRuntime().addShutdownHook(hook);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        try {
            new Run(context, samples, closer, http).all();
        } catch (SuiteFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SuiteFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), samples.metrics(), e);
        } finally {
            context.progress("stopping what is still running");
            closer.close();
            http.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        return report(context, samples);
    }

    static SuiteReport report(SuiteContext context, MetricSamples samples) {
        List<Target> targets = new ArrayList<>();
        for (ServiceModule service : ORDER) {
            targets.add(Target.atMost("ready <= 3000 ms", samples.metric(service.module(), READY), "max",
                    READY_TARGET_MS));
            targets.add(Target.atMost("RSS <= 300 MiB", samples.metric(service.module(), RSS_AFTER_WARM_UP), "max",
                    RSS_TARGET_MIB));
        }
        return new SuiteReport("startup", SuiteReport.isoDate(context.started()), context.machine(),
                SuiteReport.COMPLETED, null, samples.metrics(), targets, context.notesSoFar());
    }

    /** One run of the suite: its ports, database and processes. */
    private static final class Run {

        private final SuiteContext context;
        private final MetricSamples samples;
        private final Closer closer;
        private final HttpClient http;
        private StackOptions options;
        private int postgresPort;

        Run(SuiteContext context, MetricSamples samples, Closer closer, HttpClient http) {
            this.context = context;
            this.samples = samples;
            this.closer = closer;
            this.http = http;
        }

        void all() throws Exception {
            TestIdentityProvider identity = TestIdentityProvider.get();
            int identityPort = URI.create(identity.baseUrl()).getPort();
            // devstack points vigie.keycloak.url at http://127.0.0.1:<keycloak port>: give it the identity
            // provider's, so the services fetch realm keys from it. The institution directory is accounts-service's
            // own, as in production; the service key is the one the identity provider also accepts.
            StackPorts ports = StackPorts.random().with(PortSetting.KEYCLOAK, identityPort);
            Path runDir = context.runDir();
            options = StackOptions.forTests(context.repoRoot(), runDir, runDir.resolve("keycloak-unused"))
                    .toBuilder()
                    .ports(ports)
                    .javaHome(context.javaHome())
                    .serviceKey(TestIdentityProvider.SERVICE_KEY)
                    .registerDemoInstitutions(false)
                    .serviceReadyTimeout(READY_TIMEOUT)
                    .build();
            for (ServiceModule service : ORDER) {
                Path jar = service.runJar(options.repoRoot());
                if (!Files.isRegularFile(jar)) {
                    throw new SuiteFailure(jar + " is missing: build with ./mvnw -DskipTests install", List.of());
                }
            }
            // The harness's own HTTP stack loads its classes here, not during the first readiness poll.
            http.send(HttpRequest.newBuilder(URI.create(identity.baseUrl() + "/realms/" + REALM
                    + "/protocol/openid-connect/certs")).GET().build(), HttpResponse.BodyHandlers.discarding());

            List<String> databases = ORDER.stream().flatMap(s -> s.database().stream()).toList();
            context.progress("postgres starting on 127.0.0.1:%d (databases %s)", ports.postgres(),
                    String.join(", ", databases));
            postgresPort = ports.postgres();
            PostgresNode postgres = PostgresNode.start(postgresPort, runDir.resolve("postgres"), true,
                    runDir.resolve("logs/postgres.log"), databases);
            // pg_ctl daemonises the postmaster: its CPU time is the suite's, though not a child of this JVM
            closer.add(() -> {
                postgres.pid().ifPresent(context::countAsOwn);
                postgres.close();
            });
            context.progress("postgres ready; identity provider at %s", identity.baseUrl());

            for (ServiceModule service : ORDER) {
                if (recordsAheadOfTimeCache(service)) {
                    // As a container image build would: one training run writes the AOT cache the measured runs use.
                    measure(service, 0, false);
                }
                for (int run = 1; run <= RUNS; run++) {
                    boolean keep = service != ServiceModule.GATEWAY && run == RUNS;
                    measure(service, run, keep);
                }
            }
        }

        private boolean recordsAheadOfTimeCache(ServiceModule service) {
            return ServiceProcess.aotCacheOptions(service.runJar(options.repoRoot()), Runtime.version().feature())
                    .stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput"));
        }

        /** Run 0 is the training run that records the AOT cache: measured like the others, not counted. */
        private void measure(ServiceModule service, int run, boolean keepRunning) throws Exception {
            String name = service.module();
            StackOptions runOptions = options.toBuilder()
                    .workDir(context.runDir().resolve(name).resolve("run-" + run))
                    .build();
            Path log = runOptions.logFile(name);

            long launched = System.nanoTime();
            // 1,000 warm-up requests of one institution in a few seconds are over its rate limit at the gateway
            ServiceProcess process = closer.add(ServiceProcess.launch(service, runOptions, postgresPort,
                    service == ServiceModule.GATEWAY ? GatewaySuite.UNLIMITED_BUDGET : List.of()));
            ProcessHandle handle = ProcessHandle.of(process.pid())
                    .orElseThrow(() -> failure(name + " exited at once", log));
            long ready;
            try {
                ready = ReadyProbe.awaitFirst200(http, URI.create(process.url() + "/q/health/ready"), handle,
                        READY_TIMEOUT, name);
            } catch (IllegalStateException e) {
                throw failure(e.getMessage(), log);
            }
            double readyMs = (ready - launched) / 1e6;
            OptionalDouble startedIn = StartedInLine.awaitIn(log, LOG_LINE_TIMEOUT);
            if (startedIn.isEmpty()) {
                throw failure(name + " answered ready but its log has no Quarkus \"started in\" line", log);
            }
            long jvm = jvmPid(handle);
            double rssAtReady = ProcStatus.rssMiB(jvm);

            Tokens tokens = Tokens.sign();
            if (service == ServiceModule.ACCOUNTS) {
                registerInstitution(process.url(), tokens);
            }
            WarmUp.Outcome warmUp = WarmUp.run(http, plan(service, process.url(), tokens, "r" + run),
                    WARM_UP_REQUESTS, WARM_UP_CONCURRENCY);
            double rssAfter = ProcStatus.rssMiB(jvm);

            if (run > 0) {
                samples.add(name, READY, "ms", readyMs);
                samples.add(name, STARTED_IN, "ms", startedIn.getAsDouble() * 1000);
                samples.add(name, RSS_AT_READY, "MiB", rssAtReady);
                samples.add(name, RSS_AFTER_WARM_UP, "MiB", rssAfter);
                samples.add(name, WARM_UP_THROUGHPUT, "req/s", warmUp.requestsPerSecond());
            }
            context.progress("%-16s %s: ready %.0f ms after JVM start (Quarkus: started in %.3f s), "
                            + "RSS %.1f MiB; %d requests in %.1f s, %s; RSS %.1f MiB%s",
                    name, run == 0 ? "training run (records the AOT cache, not counted)" : "run " + run + "/" + RUNS,
                    readyMs, startedIn.getAsDouble(), rssAtReady, warmUp.requests(),
                    warmUp.nanos() / 1e9, warmUp.non2xx() == 0 ? "all 2xx" : warmUp.non2xx() + " NOT 2xx",
                    rssAfter, keepRunning ? " (kept running for the next services)" : "");
            if (warmUp.non2xx() > 0) {
                throw new SuiteFailure(String.format(Locale.ROOT,
                        "%s run %d: %d of %d warm-up requests did not succeed (statuses %s), e.g. %s; log %s",
                        name, run, warmUp.non2xx(), warmUp.requests(), warmUp.statuses(), warmUp.failures(), log),
                        samples.metrics());
            }
            if (!keepRunning) {
                closer.closeNow(process);
            }
        }

        private WarmUpPlan plan(ServiceModule service, String url, Tokens tokens, String runTag) {
            return switch (service) {
                case ACCOUNTS -> WarmUpPlan.accounts(url, tokens.writer(), tokens.readers(), "accounts-" + runTag);
                case WATCH -> WarmUpPlan.me(url, WarmUpPlan.WATCH_ME, tokens.readers());
                case PLAN -> WarmUpPlan.me(url, WarmUpPlan.PLAN_ME, tokens.readers());
                case GATEWAY -> WarmUpPlan.gateway(url, tokens.writer(), tokens.readers(), "gateway-" + runTag);
            };
        }

        /**
         * accounts-service only accepts tokens of institutions it knows. The database is kept between runs, so from
         * the second run on the registration answers 409, which is fine: the institution is already known.
         */
        private void registerInstitution(String accountsUrl, Tokens tokens) throws Exception {
            String body = "{\"slug\":\"" + REALM + "\",\"nameFr\":\"Ministère de la Santé publique\","
                    + "\"nameEn\":\"Ministry of Public Health\",\"type\":\"MINISTRY\",\"adoptExistingRealm\":true}";
            HttpResponse<String> response = post(URI.create(accountsUrl + "/api/institutions"), tokens.operator(),
                    body);
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new SuiteFailure("Registering institution " + REALM + " answered " + response.statusCode()
                        + ": " + response.body(), samples.metrics());
            }
        }

        private HttpResponse<String> post(URI uri, String bearer, String json) throws Exception {
            return http.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", bearer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        private SuiteFailure failure(String message, Path log) {
            return new SuiteFailure(message + "; " + tail(log), samples.metrics());
        }
    }

    /** Valid tokens for one run (they live 5 minutes). */
    record Tokens(String operator, String writer, List<String> readers) {

        static Tokens sign() {
            String writer = TestTokens.bearer(REALM, "bench-cm", "community-manager");
            return new Tokens(
                    TestTokens.bearer("platform", "bench-operator", "platform-admin"),
                    writer,
                    List.of(writer,
                            TestTokens.bearer(REALM, "bench-analyst", "analyst"),
                            TestTokens.bearer(REALM, "bench-viewer", "viewer"),
                            TestTokens.bearer(REALM, "bench-admin", "institution-admin")));
        }
    }

    /**
     * The JVM's pid: devstack may start it through {@code setsid}, which normally execs in place (same pid) but
     * forks when it cannot.
     */
    static long jvmPid(ProcessHandle handle) {
        if (isJava(handle)) {
            return handle.pid();
        }
        return handle.descendants().filter(StartupSuite::isJava).findFirst().map(ProcessHandle::pid)
                .orElse(handle.pid());
    }

    private static boolean isJava(ProcessHandle handle) {
        return handle.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> last = lines.subList(Math.max(0, lines.size() - 30), lines.size());
            return "last lines of " + log + ":\n    | " + String.join("\n    | ", last);
        } catch (IOException | RuntimeException e) {
            return "see " + log;
        }
    }
}
