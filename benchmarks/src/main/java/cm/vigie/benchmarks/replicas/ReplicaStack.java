package cm.vigie.benchmarks.replicas;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.faults.Http;
import cm.vigie.benchmarks.gateway.GatewaySuite;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.devstack.PortSetting;
import cm.vigie.devstack.PostgresNode;
import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.ServiceProcess;
import cm.vigie.devstack.StackOptions;
import cm.vigie.devstack.StackPorts;

/**
 * PostgreSQL, accounts-service, up to two watch-service instances on one database and the gateway, launched as
 * {@code ./platform up --replicas watch-service=2} launches them (devstack), with tokens signed by the
 * {@link TestIdentityProvider}. The gateway is started with the watch-service instances running at the time, so
 * that it can be restarted in front of one instance, then two.
 */
final class ReplicaStack implements AutoCloseable {

    static final String REALM = "minsante";
    private static final Duration READY = Duration.ofMinutes(3);
    /** Institution quotas out of the way: the suite creates more watchlists than a default institution may keep. */
    private static final List<String> QUOTAS = List.of("-Dvigie.quotas.defaults.watchlists=2000");

    private final StackOptions options;
    private final HttpClient http;
    private final Consumer<String> progress;
    private PostgresNode postgres;
    private ServiceProcess accounts;
    private final List<ServiceProcess> watch = new ArrayList<>();
    private ServiceProcess gateway;
    private final Thread stopOnExit = new Thread(this::close, "replica-stack-stop");

    private ReplicaStack(StackOptions options, HttpClient http, Consumer<String> progress) {
        this.options = options;
        this.http = http;
        this.progress = progress;
    }

    /** Starts PostgreSQL, accounts-service and the first watch-service instance; registers {@value #REALM}. */
    static ReplicaStack start(Path repoRoot, Path runDir, Path javaHome, HttpClient http, Consumer<String> progress) {
        TestIdentityProvider identity = TestIdentityProvider.get();
        StackPorts ports = StackPorts.random().with(PortSetting.KEYCLOAK, URI.create(identity.baseUrl()).getPort());
        StackOptions options = StackOptions.forTests(repoRoot, runDir, runDir.resolve("keycloak-unused")).toBuilder()
                .ports(ports).javaHome(javaHome).serviceKey(TestIdentityProvider.SERVICE_KEY)
                .registerDemoInstitutions(false).serviceReadyTimeout(READY)
                .replicas(ServiceModule.WATCH, 2).build();
        ReplicaStack stack = new ReplicaStack(options, http, progress);
        Runtime.getRuntime().addShutdownHook(stack.stopOnExit);
        try {
            stack.boot();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void boot() {
        progress.accept("postgres starting on 127.0.0.1:" + options.ports().postgres());
        postgres = PostgresNode.start(options.ports().postgres(), options.postgresDataDir(), true,
                options.logFile("postgres"), List.of("accounts", "watch"));
        accounts = ServiceProcess.launch(ServiceModule.ACCOUNTS, 0, options, postgres.port(), QUOTAS);
        accounts.awaitReady(http, READY);
        progress.accept("accounts-service ready at " + accounts.url());
        Http.Reply registered = Http.send(http, "POST", accounts.url() + "/api/institutions",
                TestTokens.bearer("platform", "bench-operator", "platform-admin"), "{\"slug\":\"" + REALM
                        + "\",\"nameFr\":\"Ministère de la Santé publique\",\"nameEn\":\"Ministry of Public Health\","
                        + "\"type\":\"MINISTRY\",\"adoptExistingRealm\":true}", null, Duration.ofSeconds(30));
        if (registered.status() != 201 && registered.status() != 409) {
            throw new SuiteFailure("registering " + REALM + " answered " + registered.status() + ": " + registered.body(),
                    List.of());
        }
        startWatchInstance();
    }

    /** Starts the next watch-service instance (the first, then the second) on the same database. */
    ServiceProcess startWatchInstance() {
        int instance = watch.size();
        if (instance >= options.replicas(ServiceModule.WATCH)) {
            throw new IllegalStateException("only " + options.replicas(ServiceModule.WATCH) + " instances are planned");
        }
        ServiceProcess process = ServiceProcess.launch(ServiceModule.WATCH, instance, options, postgres.port(), QUOTAS);
        watch.add(process);
        process.awaitReady(http, READY);
        progress.accept(process.name() + " ready at " + process.url());
        awaitInstitution(process.url() + "/api/watch/watchlists?size=1");
        return process;
    }

    /**
     * (Re)starts the gateway in front of the watch-service instances running now: one upstream URL, or the list of
     * both ({@code vigie.gateway.services.watch.urls}, as devstack passes it for {@code --replicas}).
     */
    void startGateway() {
        if (gateway != null) {
            gateway.close();
        }
        StackOptions gatewayOptions = watch.size() > 1 ? options
                : options.toBuilder().replicas(ServiceModule.WATCH, 1).build();
        List<String> jvm = new ArrayList<>(GatewaySuite.UNLIMITED_BUDGET);
        jvm.add("-Dquarkus.log.category.\"vigie.gateway.access\".level=WARN");
        gateway = ServiceProcess.launch(ServiceModule.GATEWAY, 0, gatewayOptions, postgres.port(), jvm);
        gateway.awaitReady(http, READY);
        progress.accept("gateway ready at " + gateway.url() + " in front of " + watch.size() + " watch-service instance(s)");
        awaitInstitution(gateway.url() + "/api/watch/watchlists?size=1");
    }

    /**
     * Waits until a token of {@value #REALM} is accepted at the URL: a process that just started knows the institution
     * once its directory has loaded from accounts-service, which a busy machine may delay past the first requests.
     */
    private void awaitInstitution(String url) {
        long deadline = System.nanoTime() + READY.toNanos();
        while (true) {
            Http.Reply reply = Http.send(http, "GET", url, reader(), null, null, Duration.ofSeconds(30));
            if (reply.status() == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new SuiteFailure("GET " + url + " still answered " + reply.status() + ": " + reply.body(), List.of());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SuiteFailure("interrupted", List.of());
            }
        }
    }

    java.sql.Connection watchDatabase() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(postgres.jdbcUrl("watch"), PostgresNode.USER, PostgresNode.PASSWORD);
    }

    String gatewayUrl() {
        return gateway.url();
    }

    String watchUrl(int instance) {
        return watch.get(instance).url();
    }

    int watchInstances() {
        return watch.size();
    }

    static String writer() {
        return TestTokens.bearer(REALM, "bench-cm", "community-manager");
    }

    static String reader() {
        return TestTokens.bearer(REALM, "bench-viewer", "viewer");
    }

    @Override
    public synchronized void close() {
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        List<AutoCloseable> order = new ArrayList<>();
        if (gateway != null) {
            order.add(gateway);
        }
        order.addAll(watch.reversed());
        if (accounts != null) {
            order.add(accounts);
        }
        if (postgres != null) {
            order.add(postgres);
        }
        for (AutoCloseable component : order) {
            try {
                component.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
        gateway = null;
        watch.clear();
        accounts = null;
        postgres = null;
    }
}
