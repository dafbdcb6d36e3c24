package cm.vigie.benchmarks.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.devstack.PortSetting;
import cm.vigie.devstack.PostgresNode;
import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.ServiceProcess;
import cm.vigie.devstack.StackOptions;
import cm.vigie.devstack.StackPorts;

/**
 * accounts-service and watch-service as {@code ./platform up} runs them (devstack), on one embedded PostgreSQL,
 * with tokens signed by the {@link TestIdentityProvider} and the institution {@value #REALM} registered. Shared by
 * the watch-service suites; closes everything it started.
 */
public final class WatchStack implements AutoCloseable {

    public static final String REALM = "minsante";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final HttpClient http;
    private PostgresNode postgres;
    private String watchUrl;
    private Thread stopOnExit;

    private WatchStack(HttpClient http) {
        this.http = http;
    }

    public static WatchStack start(SuiteContext context, HttpClient http) throws Exception {
        WatchStack stack = new WatchStack(http);
        // A run stopped by SIGTERM (timeout, Ctrl-C) must not leave PostgreSQL and the services running.
        stack.stopOnExit = new Thread(stack::close, "watch-stack-stop");
        Runtime.getRuntime().addShutdownHook(stack.stopOnExit);
        try {
            stack.boot(context);
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void boot(SuiteContext context) throws Exception {
        TestIdentityProvider identity = TestIdentityProvider.get();
        StackPorts ports = StackPorts.random().with(PortSetting.KEYCLOAK, URI.create(identity.baseUrl()).getPort());
        Path runDir = context.runDir();
        StackOptions options = StackOptions.forTests(context.repoRoot(), runDir, runDir.resolve("keycloak-unused")).toBuilder()
                .ports(ports).javaHome(context.javaHome()).serviceKey(TestIdentityProvider.SERVICE_KEY)
                .registerDemoInstitutions(false).serviceReadyTimeout(Duration.ofMinutes(2)).build();
        context.progress("postgres starting on 127.0.0.1:%d", ports.postgres());
        PostgresNode node = PostgresNode.start(ports.postgres(), runDir.resolve("postgres"), true,
                runDir.resolve("logs/postgres.log"), List.of("accounts", "watch"));
        postgres = node;
        started.push(() -> {
            node.pid().ifPresent(context::countAsOwn);
            node.close();
        });
        for (ServiceModule service : List.of(ServiceModule.ACCOUNTS, ServiceModule.WATCH)) {
            ServiceProcess process = ServiceProcess.launch(service, options, node.port(), profiling(service, runDir));
            started.push(process);
            process.awaitReady(http, Duration.ofMinutes(2));
            context.progress("%s ready at %s", service.module(), process.url());
        }
        watchUrl = StackPorts.localUrl(ports.watch());
        HttpResponse<String> registered = post(StackPorts.localUrl(ports.accounts()) + "/api/institutions",
                TestTokens.bearer("platform", "bench-operator", "platform-admin"),
                "{\"slug\":\"" + REALM + "\",\"nameFr\":\"Ministère de la Santé publique\",\"nameEn\":\"Ministry of Public Health\",\"type\":\"MINISTRY\",\"adoptExistingRealm\":true}");
        if (registered.statusCode() != 201 && registered.statusCode() != 409) {
            throw new SuiteFailure("registering " + REALM + " answered " + registered.statusCode(), List.of());
        }
    }

    /**
     * With {@code VIGIE_BENCH_JFR=1} in the environment, watch-service runs under Java Flight Recorder (profile
     * settings) and writes {@code watch-service.jfr} into the run directory when it stops: for finding where the
     * ingestion time goes, not for the figures (the recorder costs a few percent). The first run after a build
     * records watch-service's AOT cache when it stops, and the JVM then writes no recording: profile from the second.
     */
    private static List<String> profiling(ServiceModule service, Path runDir) {
        if (service != ServiceModule.WATCH || !"1".equals(System.getenv("VIGIE_BENCH_JFR"))) {
            return List.of();
        }
        return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + runDir.resolve("watch-service.jfr").toAbsolutePath());
    }

    public String watchUrl() {
        return watchUrl;
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl("watch");
    }

    /** A fresh community-manager token (tokens live 5 minutes). */
    public static String writer() {
        return TestTokens.bearer(REALM, "bench-cm", "community-manager");
    }

    public static String reader() {
        return TestTokens.bearer(REALM, "bench-viewer", "viewer");
    }

    public HttpResponse<String> post(String url, String bearer, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a watchlist with the default KEYWORD rule; answers its id. */
    public String watchlist(String name, String query) throws Exception {
        HttpResponse<String> created = post(watchUrl + "/api/watch/watchlists", writer(),
                "{\"name\":\"" + name + "\",\"query\":\"" + query + "\",\"languages\":[],\"platforms\":[],\"severity\":\"MEDIUM\"}");
        if (created.statusCode() != 201) {
            throw new SuiteFailure("creating watchlist '" + query + "' answered " + created.statusCode() + ": " + created.body(),
                    List.of());
        }
        String body = created.body();
        int at = body.indexOf("\"id\":\"") + 6;
        return body.substring(at, body.indexOf('"', at));
    }

    @Override
    public synchronized void close() {
        if (stopOnExit != null && Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
    }
}
