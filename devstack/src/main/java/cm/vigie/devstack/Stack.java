package cm.vigie.devstack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The whole Vigie platform on this machine: embedded PostgreSQL, Keycloak and the four services, each service a
 * JVM of its own. Start with {@link #start(StackOptions, Progress)}; {@link #close()} stops every process it
 * started (gateway first, PostgreSQL last), also when start fails half-way.
 *
 * <pre>{@code
 * try (Stack stack = Stack.start(StackOptions.forTests(repoRoot, runDir, keycloakDir))) {
 *     String token = stack.tokens().passwordGrant("minsante", "cm", "demo");
 *     ... stack.gatewayUrl() ...
 * }
 * }</pre>
 */
public final class Stack implements AutoCloseable {

    /** Receives one human-readable line per step (starting, ready, stopped...). */
    @FunctionalInterface
    public interface Progress {
        void line(String text);

        /** Called each time a process was launched, with every component launched so far. */
        default void launched(List<Component> components) {
        }

        static Progress silent() {
            return text -> { };
        }
    }

    /** A running component, for status output and the state file; pid -1 when unknown. */
    public record Component(String name, int port, long pid) {
    }

    private final StackOptions options;
    private final Progress progress;
    private final long startNanos = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();

    private PostgresNode postgres;
    private KeycloakNode keycloak;
    /** Every instance of each service, the first one first. */
    private final Map<ServiceModule, List<ServiceProcess>> services = new EnumMap<>(ServiceModule.class);
    /** Instances killed on purpose ({@link #kill}): their exit is no surprise. */
    private final java.util.Set<ServiceProcess> killed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private boolean started;
    private boolean closed;

    private Stack(StackOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    public static Stack start(StackOptions options) {
        return start(options, Progress.silent());
    }

    /** Starts every component and returns once all are ready; on failure stops what was started and throws. */
    public static Stack start(StackOptions options, Progress progress) {
        return create(options, progress).startAll();
    }

    /**
     * A stack that starts nothing yet: lets a caller hold it (e.g. in a shutdown hook that calls
     * {@link #close()}) before {@link #startAll()}.
     */
    public static Stack create(StackOptions options, Progress progress) {
        return new Stack(options, progress);
    }

    /** Starts every component and returns once all are ready; on failure stops what was started and throws. */
    public Stack startAll() {
        synchronized (this) {
            if (started || closed) {
                throw new IllegalStateException("A stack starts once");
            }
            started = true;
        }
        try {
            boot();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void boot() {
        checkPortsFree();
        try {
            Files.createDirectories(options.logsDir());
        } catch (IOException e) {
            throw new StackException("Cannot create " + options.logsDir() + ": " + e.getMessage(), e);
        }

        int pgPort = options.ports().postgres();
        step("postgres", "starting on 127.0.0.1:" + pgPort);
        List<String> databases = List.of(ServiceModule.values()).stream()
                .flatMap(s -> s.database().stream()).toList();
        PostgresNode pg = PostgresNode.start(pgPort, options.postgresDataDir(), options.cleanPostgresData(),
                options.logFile("postgres"), databases);
        adopt(pg, () -> postgres = pg);
        step("postgres", "ready, databases " + String.join(", ", databases));

        step("keycloak", "starting on " + StackPorts.localUrl(options.ports().keycloak())
                + (Files.exists(options.keycloakBaseDir().resolve("keycloak-" + options.keycloakVersion()))
                ? "" : " (first run: unzipping and building Keycloak, about a minute)"));
        KeycloakNode kc = KeycloakNode.launch(options, options.logFile("keycloak"));
        adopt(kc, () -> keycloak = kc);

        // The services boot while Keycloak does: they only reach it when a token has to be checked.
        if (options.startServices()) {
            startServices(List.of(ServiceModule.ACCOUNTS));
            startServices(List.of(ServiceModule.WATCH, ServiceModule.PLAN));
            startServices(List.of(ServiceModule.GATEWAY));
        }

        kc.awaitReady(http, options.keycloakReadyTimeout());
        step("keycloak", "ready, realms " + String.join(", ", KeycloakNode.REALMS));

        if (options.startServices() && options.registerDemoInstitutions()) {
            ServiceProcess accounts = services.get(ServiceModule.ACCOUNTS).get(0);
            for (String line : new DemoInstitutions(http, kc.url(), accounts.url()).register()) {
                step("institutions", line);
            }
        }
        step("stack", "ready");
        watchForUnexpectedExits();
    }

    private void startServices(List<ServiceModule> wave) {
        List<ServiceProcess> launched = new ArrayList<>();
        for (ServiceModule service : wave) {
            List<Integer> ports = options.instancePorts(service);
            for (int instance = 0; instance < ports.size(); instance++) {
                step(ServiceProcess.instanceName(service, instance), "starting on " + StackPorts.localUrl(ports.get(instance)));
                ServiceProcess process = ServiceProcess.launch(service, instance, options, options.ports().postgres(),
                        options.extraJvmOptions().getOrDefault(service, List.of()));
                adopt(process, () -> services.computeIfAbsent(service, s -> new ArrayList<>()).add(process));
                launched.add(process);
            }
        }
        for (ServiceProcess process : launched) {
            process.awaitReady(http, options.serviceReadyTimeout());
            step(process.name(), "ready");
        }
    }

    private void checkPortsFree() {
        List<PortSetting> taken = options.ports().taken();
        if (!taken.isEmpty()) {
            throw new StackException("Port(s) already in use on 127.0.0.1: " + taken.stream()
                    .map(p -> options.ports().get(p) + " (" + p.name().toLowerCase(Locale.ROOT) + ", change with "
                            + p.envVar() + ")")
                    .collect(Collectors.joining(", ")));
        }
        List<String> replicasTaken = new ArrayList<>();
        for (Map.Entry<ServiceModule, List<Integer>> entry : options.replicaPorts().entrySet()) {
            for (int i = 0; i < entry.getValue().size(); i++) {
                int port = entry.getValue().get(i);
                if (!StackPorts.isFree(port)) {
                    replicasTaken.add(port + " (" + ServiceProcess.instanceName(entry.getKey(), i + 1) + ")");
                }
            }
        }
        if (!replicasTaken.isEmpty()) {
            throw new StackException("Port(s) already in use on 127.0.0.1: " + String.join(", ", replicasTaken)
                    + "; further instances take the service's port plus " + StackPorts.REPLICA_PORT_STEP + ", "
                    + 2 * StackPorts.REPLICA_PORT_STEP + "...");
        }
    }

    /**
     * Makes a just-launched component part of the stack, so that {@link #close()} stops it; if the stack was
     * closed meanwhile (Ctrl-C during start), stops it right away instead.
     */
    private void adopt(AutoCloseable component, Runnable register) {
        boolean adopted;
        synchronized (this) {
            adopted = !closed;
            if (adopted) {
                register.run();
            }
        }
        if (!adopted) {
            try {
                component.close();
            } catch (Exception e) {
                // the stack is being torn down anyway
            }
            throw new StackException("Stack stopped while starting");
        }
        progress.launched(components());
    }

    private void watchForUnexpectedExits() {
        List<ManagedProcess> processes = new ArrayList<>();
        synchronized (this) {
            processes.add(keycloak.process());
            services.values().forEach(list -> list.forEach(s -> processes.add(s.process())));
        }
        for (ManagedProcess process : processes) {
            process.onExit().thenRun(() -> {
                if (!isClosed() && killed.stream().noneMatch(k -> k.process() == process)) {
                    report(process.name(), "EXITED unexpectedly with code " + process.exitValue() + "; "
                            + process.logTail());
                }
            });
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** A start-up line; none once close() began, so Ctrl-C during start reads cleanly. */
    private void step(String component, String message) {
        if (!isClosed()) {
            report(component, message);
        }
    }

    private void report(String component, String message) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        progress.line(String.format(Locale.ROOT, "[%6.1fs] %-16s %s", seconds, component, message));
    }

    public StackOptions options() {
        return options;
    }

    public String gatewayUrl() {
        return StackPorts.localUrl(options.ports().gateway());
    }

    public String keycloakUrl() {
        return StackPorts.localUrl(options.ports().keycloak());
    }

    /** Base URL of one service (its own port, bypassing the gateway). */
    public String serviceUrl(ServiceModule service) {
        return StackPorts.localUrl(options.ports().get(service.port()));
    }

    public String accountsUrl() {
        return serviceUrl(ServiceModule.ACCOUNTS);
    }

    /** Base URL of every instance of a service, the first one first (one unless {@code --replicas} asked more). */
    public List<String> serviceUrls(ServiceModule service) {
        return options.instancePorts(service).stream().map(StackPorts::localUrl).toList();
    }

    /** Base URL of every gateway instance. */
    public List<String> gatewayUrls() {
        return serviceUrls(ServiceModule.GATEWAY);
    }

    /** The running instances of a service, the first one first. */
    public synchronized List<ServiceProcess> instances(ServiceModule service) {
        return List.copyOf(services.getOrDefault(service, List.of()));
    }

    /**
     * Kills one instance of a service at once (SIGKILL: no clean shutdown, as a crash or a lost node); the others go
     * on. {@code instance} counts from 0. Its port is free once this returns.
     */
    public void kill(ServiceModule service, int instance) {
        ServiceProcess process = instances(service).get(instance);
        killed.add(process);
        process.kill();
        step(process.name(), "killed");
    }

    /** The realm's issuer, exactly as it appears in the tokens' {@code iss}. */
    public String issuer(String realm) {
        return keycloakUrl() + "/realms/" + realm;
    }

    public int postgresPort() {
        return options.ports().postgres();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/" + database;
    }

    public String serviceKey() {
        return options.serviceKey();
    }

    /** Password-grant tokens from this stack's Keycloak (client {@code vigie-console}). */
    public KeycloakTokens tokens() {
        return new KeycloakTokens(http, keycloakUrl());
    }

    /** What runs now, in start order. */
    public synchronized List<Component> components() {
        List<Component> list = new ArrayList<>();
        if (postgres != null) {
            OptionalLong pid = postgres.pid();
            list.add(new Component("postgres", postgres.port(), pid.orElse(-1)));
        }
        if (keycloak != null) {
            list.add(new Component("keycloak", keycloak.port(), keycloak.pid()));
        }
        services.values().forEach(instances -> instances.stream().filter(s -> !killed.contains(s))
                .forEach(s -> list.add(new Component(s.name(), s.port(), s.pid()))));
        return list;
    }

    /** Stops the services (gateway first), then Keycloak with its JVM, then PostgreSQL. Idempotent. */
    @Override
    public void close() {
        PostgresNode pg;
        KeycloakNode kc;
        List<ServiceProcess> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pg = postgres;
            kc = keycloak;
            running = new ArrayList<>();
            services.values().forEach(running::addAll);
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (int i = running.size() - 1; i >= 0; i--) {
            ServiceProcess service = running.get(i);
            if (killed.contains(service)) {
                continue;
            }
            stop(service.name(), service, failures);
        }
        if (kc != null) {
            stop("keycloak", kc, failures);
        }
        if (pg != null) {
            stop("postgres", pg, failures);
        }
        http.close();
        if (!failures.isEmpty()) {
            StackException failure = new StackException("Some components did not stop cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void stop(String name, AutoCloseable component, List<RuntimeException> failures) {
        long start = System.nanoTime();
        try {
            component.close();
            report(name, String.format(Locale.ROOT, "stopped (%.1f s)", (System.nanoTime() - start) / 1e9));
        } catch (Exception e) {
            report(name, "did not stop cleanly: " + e.getMessage());
            failures.add(e instanceof RuntimeException re ? re : new StackException(e.getMessage(), e));
        }
    }
}
