package cm.vigie.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Vigie service run from its Quarkus fast-jar in a JVM of its own. */
public final class ServiceProcess implements AutoCloseable {

    /** Long enough for a training run to write its AOT cache on a busy machine. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(45);

    private final ServiceModule service;
    private final int instance;
    private final ManagedProcess process;
    private final int port;

    private ServiceProcess(ServiceModule service, int instance, ManagedProcess process, int port) {
        this.service = service;
        this.instance = instance;
        this.process = process;
        this.port = port;
    }

    /**
     * Component name of an instance: the module for the first ({@code watch-service}), then {@code watch-service-2},
     * {@code watch-service-3}... (also the name of its log file).
     */
    public static String instanceName(ServiceModule service, int instance) {
        return instance == 0 ? service.module() : service.module() + "-" + (instance + 1);
    }

    /** Launches the service without waiting for it; {@code postgresPort} is ignored for the gateway. */
    public static ServiceProcess launch(ServiceModule service, StackOptions options, int postgresPort) {
        return launch(service, options, postgresPort, List.of());
    }

    /** As {@link #launch(ServiceModule, StackOptions, int)}, with extra JVM options (e.g. {@code -Dkey=value}). */
    public static ServiceProcess launch(ServiceModule service, StackOptions options, int postgresPort,
            List<String> extraJvmOptions) {
        return launch(service, 0, options, postgresPort, extraJvmOptions);
    }

    /** Launches instance {@code instance} (0 for the first) of the service, on that instance's port. */
    public static ServiceProcess launch(ServiceModule service, int instance, StackOptions options, int postgresPort,
            List<String> extraJvmOptions) {
        Path jar = service.runJar(options.repoRoot());
        if (!Files.isRegularFile(jar)) {
            throw new StackException(jar + " not found; build the services first (./mvnw -DskipTests install)");
        }
        List<String> command = new ArrayList<>(command(service, instance, options, postgresPort));
        command.addAll(command.indexOf("-jar"), extraJvmOptions);
        // Run from the application directory, as a container image does: the AppCDS archive records its class
        // path relative to it.
        // The service key goes in the environment, not on the command line, where ps and JVM logs would show it.
        String name = instanceName(service, instance);
        ManagedProcess process = ManagedProcess.start(name, command, environment(service, options),
                jar.getParent(), options.logFile(name));
        return new ServiceProcess(service, instance, process, options.instancePorts(service).get(instance));
    }

    /**
     * Secrets go in the environment, not on the command line, where ps and JVM logs would show them: the service key
     * for every service, and for accounts-service the credentials it creates and disables institution realms with
     * (the local Keycloak's bootstrap admin; see accounts-service's {@code KeycloakAdminConfig}).
     */
    static Map<String, String> environment(ServiceModule service, StackOptions options) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put(SERVICE_KEY_VARIABLE, options.serviceKey());
        if (service == ServiceModule.ACCOUNTS) {
            env.put(KEYCLOAK_ADMIN_USERNAME_VARIABLE, KeycloakNode.ADMIN_USERNAME);
            env.put(KEYCLOAK_ADMIN_PASSWORD_VARIABLE, KeycloakNode.ADMIN_PASSWORD);
        }
        return env;
    }

    static List<String> command(ServiceModule service, StackOptions options, int postgresPort) {
        return command(service, 0, options, postgresPort);
    }

    static List<String> command(ServiceModule service, int instance, StackOptions options, int postgresPort) {
        StackPorts ports = options.ports();
        List<String> command = new ArrayList<>(List.of(
                options.javaHome().resolve("bin/java").toString(),
                "-Xms64m", "-Xmx256m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + options.instancePorts(service).get(instance)));
        int replicas = options.replicas(service);
        if (replicas > 1) {
            // budgets kept in each instance's memory are divided by this (docs/adr/0032)
            command.add("-Dvigie.replicas=" + replicas);
        }
        service.database().ifPresent(database -> {
            command.add("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database);
            command.add("-Dquarkus.datasource.username=" + PostgresNode.USER);
            command.add("-Dquarkus.datasource.password=" + PostgresNode.PASSWORD);
        });
        if (service == ServiceModule.GATEWAY) {
            command.add("-Dvigie.gateway.services.accounts.url=" + StackPorts.localUrl(ports.accounts()));
            command.add("-Dvigie.gateway.services.watch.url=" + StackPorts.localUrl(ports.watch()));
            command.add("-Dvigie.gateway.services.plan.url=" + StackPorts.localUrl(ports.plan()));
            // the gateway balances across every instance of a service (docs/adr/0032)
            for (ServiceModule upstream : List.of(ServiceModule.ACCOUNTS, ServiceModule.WATCH, ServiceModule.PLAN)) {
                if (options.replicas(upstream) > 1) {
                    command.add("-Dvigie.gateway.services." + upstream.gatewayName() + ".urls=" + String.join(",",
                            options.instancePorts(upstream).stream().map(StackPorts::localUrl).toList()));
                }
            }
            command.add("-Dvigie.gateway.openapi.public-url=http://localhost:" + ports.gateway());
        }
        command.add("-Dvigie.keycloak.url=" + StackPorts.localUrl(ports.keycloak()));
        command.add("-Dvigie.accounts.url=" + StackPorts.localUrl(ports.accounts()));
        command.add("-Dvigie.watch.url=" + StackPorts.localUrl(ports.watch()));
        Path jar = service.runJar(options.repoRoot());
        List<String> aot = aotCacheOptions(jar, Runtime.version().feature());
        // only the first instance records a missing cache: two JVMs must not write one file
        if (instance == 0 || aot.stream().noneMatch(o -> o.startsWith("-XX:AOTCacheOutput"))) {
            command.addAll(aot);
        }
        command.add("-jar");
        command.add(jar.getFileName().toString());
        return command;
    }

    public static final String AOT_CACHE = "app.aot";
    static final String SERVICE_KEY_VARIABLE = "VIGIE_SERVICE_KEY";
    static final String KEYCLOAK_ADMIN_USERNAME_VARIABLE = "VIGIE_KEYCLOAK_ADMIN_USERNAME";
    static final String KEYCLOAK_ADMIN_PASSWORD_VARIABLE = "VIGIE_KEYCLOAK_ADMIN_PASSWORD";

    /**
     * Ahead-of-time cache (JDK 25+, JEP 483/514/515): a service's first run records which classes it loads and links
     * and how its methods run, and writes {@code app.aot} beside its jar when it stops; later runs start from that
     * cache, about 40% faster on two cores. A cache older than the jar is recorded anew. The JVM ignores a cache it
     * cannot use (another JDK build), so a stale file never stops a service.
     */
    public static List<String> aotCacheOptions(Path jar, int javaFeatureVersion) {
        if (javaFeatureVersion < 25) {
            return List.of();
        }
        Path cache = jar.resolveSibling(AOT_CACHE);
        try {
            // an empty file is what a run stopped while writing its cache leaves
            if (Files.isRegularFile(cache) && Files.size(cache) > 0
                    && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return List.of("-XX:AOTCache=" + AOT_CACHE);
            }
        } catch (java.io.IOException unreadable) {
            // fall through: record a new cache
        }
        return List.of("-XX:AOTCacheOutput=" + AOT_CACHE);
    }

    public void awaitReady(HttpClient http, Duration timeout) {
        process.awaitHttpOk(http, URI.create(url() + "/q/health/ready"), timeout);
    }

    public ServiceModule service() {
        return service;
    }

    /** 0 for the first instance of the service, 1 for the second... */
    public int instance() {
        return instance;
    }

    /** {@code watch-service}, {@code watch-service-2}... */
    public String name() {
        return instanceName(service, instance);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the instance at once (SIGKILL, as a crash or an evicted pod), without a clean shutdown. */
    public void kill() {
        process.kill();
    }

    public String url() {
        return StackPorts.localUrl(port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
