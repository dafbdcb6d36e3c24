package cm.vigie.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything one stack run needs to know. Start from {@link #forPlatform} ({@code ./platform up}: fixed ports,
 * state kept in {@code .vigie/}) or {@link #forTests} (free ports, throw-away directories), then adjust with
 * {@link #toBuilder()}.
 *
 * @param repoRoot                 the Vigie checkout; service jars are {@code <repoRoot>/<module>/target/quarkus-app/quarkus-run.jar}
 * @param workDir                  run directory: {@code logs/} and the state file live here
 * @param postgresDataDir          PostgreSQL cluster directory
 * @param cleanPostgresData        wipe the cluster when the stack closes
 * @param keycloakBaseDir          the distribution is unzipped into {@code <keycloakBaseDir>/keycloak-<version>}
 * @param freshKeycloakData        delete Keycloak's database before start, so the realm files are imported anew
 * @param keycloakDistZip          {@code keycloak-quarkus-dist-<version>.zip}
 * @param keycloakVersion          version of that distribution
 * @param javaHome                 JDK 21+ that runs Keycloak and the services
 * @param ports                    every port of the stack
 * @param serviceKey               shared secret the services use between themselves
 * @param startServices            false: PostgreSQL and Keycloak only
 * @param registerDemoInstitutions register minsante and mincom in accounts-service once it is ready
 * @param keycloakReadyTimeout     how long Keycloak may take to serve its realms
 * @param serviceReadyTimeout      how long each service may take to answer {@code /q/health/ready}
 * @param extraJvmOptions          per service, JVM options added to its command line (e.g. {@code -Dkey=value} of a test)
 * @param replicaPorts             per service run as several instances ({@code --replicas}), the ports of its
 *                                 instances after the first (which has the service's own port); absent: one instance
 */
public record StackOptions(
        Path repoRoot,
        Path workDir,
        Path postgresDataDir,
        boolean cleanPostgresData,
        Path keycloakBaseDir,
        boolean freshKeycloakData,
        Path keycloakDistZip,
        String keycloakVersion,
        Path javaHome,
        StackPorts ports,
        String serviceKey,
        boolean startServices,
        boolean registerDemoInstitutions,
        Duration keycloakReadyTimeout,
        Duration serviceReadyTimeout,
        Map<ServiceModule, List<String>> extraJvmOptions,
        Map<ServiceModule, List<Integer>> replicaPorts) {

    public static final String STATE_DIR = ".vigie";
    /** At most this many instances of one service on one machine. */
    public static final int MAX_REPLICAS = 9;

    public StackOptions {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(postgresDataDir, "postgresDataDir");
        Objects.requireNonNull(keycloakBaseDir, "keycloakBaseDir");
        Objects.requireNonNull(keycloakDistZip, "keycloakDistZip");
        Objects.requireNonNull(keycloakVersion, "keycloakVersion");
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(serviceKey, "serviceKey");
        Objects.requireNonNull(keycloakReadyTimeout, "keycloakReadyTimeout");
        Objects.requireNonNull(serviceReadyTimeout, "serviceReadyTimeout");
        extraJvmOptions = extraJvmOptions == null ? Map.of() : Map.copyOf(extraJvmOptions);
        replicaPorts = replicaPorts == null ? Map.of() : Map.copyOf(replicaPorts);
    }

    /** How many instances of the service run (1 unless {@code --replicas} asked for more). */
    public int replicas(ServiceModule service) {
        return 1 + replicaPorts.getOrDefault(service, List.of()).size();
    }

    /** The ports of every instance of the service, the first one's (its own port setting) first. */
    public List<Integer> instancePorts(ServiceModule service) {
        List<Integer> all = new java.util.ArrayList<>();
        all.add(ports.get(service.port()));
        all.addAll(replicaPorts.getOrDefault(service, List.of()));
        return List.copyOf(all);
    }

    /** {@code ./platform up}: state in {@code <repoRoot>/.vigie}, kept between runs. */
    public static StackOptions forPlatform(Path repoRoot, StackPorts ports) {
        Path root = repoRoot.toAbsolutePath().normalize();
        Path state = root.resolve(STATE_DIR);
        return defaults(root)
                .workDir(state)
                .postgresDataDir(state.resolve("postgres"))
                .cleanPostgresData(false)
                .keycloakBaseDir(state.resolve("keycloak"))
                .freshKeycloakData(false)
                .ports(ports)
                .build();
    }

    /**
     * Tests: free ports, everything of this run under {@code runDir} (PostgreSQL wiped on close, Keycloak's
     * database recreated), the unzipped Keycloak under {@code keycloakBaseDir} so later runs skip the unzip and
     * Keycloak's first-start build.
     */
    public static StackOptions forTests(Path repoRoot, Path runDir, Path keycloakBaseDir) {
        Path run = runDir.toAbsolutePath().normalize();
        return defaults(repoRoot.toAbsolutePath().normalize())
                .workDir(run)
                .postgresDataDir(run.resolve("postgres"))
                .cleanPostgresData(true)
                .keycloakBaseDir(keycloakBaseDir.toAbsolutePath().normalize())
                .freshKeycloakData(true)
                .ports(StackPorts.random())
                .build();
    }

    private static Builder defaults(Path root) {
        String version = bundledKeycloakVersion();
        return new Builder()
                .repoRoot(root)
                .keycloakVersion(version)
                .keycloakDistZip(defaultKeycloakZip(root, version))
                .javaHome(Path.of(System.getProperty("java.home")))
                .serviceKey(randomKey())
                .startServices(true)
                .registerDemoInstitutions(true)
                // Generous: on a busy 2-core machine Keycloak's first start (a build) has taken over 2 minutes.
                .keycloakReadyTimeout(Duration.ofMinutes(6))
                .serviceReadyTimeout(Duration.ofMinutes(3));
    }

    public Path logsDir() {
        return workDir.resolve("logs");
    }

    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    public Path stateFile() {
        return workDir.resolve("state.properties");
    }

    /** Keycloak version this module was built against (root pom property {@code keycloak.version}). */
    public static String bundledKeycloakVersion() {
        Properties properties = new Properties();
        try (InputStream in = StackOptions.class.getClassLoader().getResourceAsStream("devstack.properties")) {
            if (in == null) {
                throw new IllegalStateException("devstack.properties missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("keycloak.version");
        if (version == null || version.isBlank() || version.startsWith("${")) {
            throw new IllegalStateException("devstack.properties was not filtered by Maven: " + version);
        }
        return version;
    }

    /** {@code devstack/target/dist/} (copied there by the build), else the local Maven repository. */
    static Path defaultKeycloakZip(Path repoRoot, String version) {
        String name = "keycloak-quarkus-dist-" + version + ".zip";
        Path built = repoRoot.resolve("devstack/target/dist").resolve(name);
        if (Files.isRegularFile(built)) {
            return built;
        }
        Path m2 = Path.of(System.getProperty("user.home"), ".m2/repository/org/keycloak/keycloak-quarkus-dist",
                version, name);
        return Files.isRegularFile(m2) ? m2 : built;
    }

    static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public Builder toBuilder() {
        return new Builder()
                .repoRoot(repoRoot).workDir(workDir)
                .postgresDataDir(postgresDataDir).cleanPostgresData(cleanPostgresData)
                .keycloakBaseDir(keycloakBaseDir).freshKeycloakData(freshKeycloakData)
                .keycloakDistZip(keycloakDistZip).keycloakVersion(keycloakVersion)
                .javaHome(javaHome).ports(ports).serviceKey(serviceKey)
                .startServices(startServices).registerDemoInstitutions(registerDemoInstitutions)
                .keycloakReadyTimeout(keycloakReadyTimeout).serviceReadyTimeout(serviceReadyTimeout)
                .extraJvmOptions(extraJvmOptions)
                .replicaPorts(replicaPorts);
    }

    public static final class Builder {
        private Path repoRoot;
        private Path workDir;
        private Path postgresDataDir;
        private boolean cleanPostgresData;
        private Path keycloakBaseDir;
        private boolean freshKeycloakData;
        private Path keycloakDistZip;
        private String keycloakVersion;
        private Path javaHome;
        private StackPorts ports;
        private String serviceKey;
        private boolean startServices = true;
        private boolean registerDemoInstitutions = true;
        private Duration keycloakReadyTimeout;
        private Duration serviceReadyTimeout;
        private Map<ServiceModule, List<String>> extraJvmOptions = Map.of();
        private Map<ServiceModule, List<Integer>> replicaPorts = Map.of();
        private final Map<ServiceModule, Integer> replicaCounts = new java.util.EnumMap<>(ServiceModule.class);

        /**
         * Runs {@code count} instances of the service (1 to {@link #MAX_REPLICAS}). Their ports are chosen when the
         * options are built: free ports for random ports ({@link #forTests}), else the service's port plus
         * {@link StackPorts#REPLICA_PORT_STEP} for each further instance (watch-service: 8082, 8092, 8102...).
         */
        public Builder replicas(ServiceModule service, int count) {
            if (count < 1 || count > MAX_REPLICAS) {
                throw new IllegalArgumentException("Replicas of " + service.module() + " must be between 1 and "
                        + MAX_REPLICAS + ", got " + count);
            }
            replicaCounts.put(service, count);
            return this;
        }

        public Builder replicas(Map<ServiceModule, Integer> counts) {
            counts.forEach(this::replicas);
            return this;
        }

        /** The ports of the instances after the first, per service (normally chosen by {@link #replicas}). */
        public Builder replicaPorts(Map<ServiceModule, List<Integer>> value) {
            replicaPorts = value == null ? Map.of() : value;
            replicaCounts.clear();
            return this;
        }

        public Builder extraJvmOptions(Map<ServiceModule, List<String>> value) {
            extraJvmOptions = value;
            return this;
        }

        /** Adds JVM options (e.g. {@code -Dkey=value}) to one service's command line. */
        public Builder jvmOptions(ServiceModule service, String... options) {
            Map<ServiceModule, List<String>> all = new java.util.EnumMap<>(ServiceModule.class);
            all.putAll(extraJvmOptions);
            List<String> list = new java.util.ArrayList<>(all.getOrDefault(service, List.of()));
            list.addAll(List.of(options));
            all.put(service, List.copyOf(list));
            extraJvmOptions = all;
            return this;
        }

        public Builder repoRoot(Path value) {
            repoRoot = value;
            return this;
        }

        public Builder workDir(Path value) {
            workDir = value;
            return this;
        }

        public Builder postgresDataDir(Path value) {
            postgresDataDir = value;
            return this;
        }

        public Builder cleanPostgresData(boolean value) {
            cleanPostgresData = value;
            return this;
        }

        public Builder keycloakBaseDir(Path value) {
            keycloakBaseDir = value;
            return this;
        }

        public Builder freshKeycloakData(boolean value) {
            freshKeycloakData = value;
            return this;
        }

        public Builder keycloakDistZip(Path value) {
            keycloakDistZip = value;
            return this;
        }

        public Builder keycloakVersion(String value) {
            keycloakVersion = value;
            return this;
        }

        public Builder javaHome(Path value) {
            javaHome = value;
            return this;
        }

        public Builder ports(StackPorts value) {
            ports = value;
            return this;
        }

        public Builder serviceKey(String value) {
            serviceKey = value;
            return this;
        }

        public Builder startServices(boolean value) {
            startServices = value;
            return this;
        }

        public Builder registerDemoInstitutions(boolean value) {
            registerDemoInstitutions = value;
            return this;
        }

        public Builder keycloakReadyTimeout(Duration value) {
            keycloakReadyTimeout = value;
            return this;
        }

        public Builder serviceReadyTimeout(Duration value) {
            serviceReadyTimeout = value;
            return this;
        }

        public StackOptions build() {
            return new StackOptions(repoRoot, workDir, postgresDataDir, cleanPostgresData, keycloakBaseDir,
                    freshKeycloakData, keycloakDistZip, keycloakVersion, javaHome, ports, serviceKey, startServices,
                    registerDemoInstitutions, keycloakReadyTimeout, serviceReadyTimeout, extraJvmOptions,
                    resolvedReplicaPorts());
        }

        private Map<ServiceModule, List<Integer>> resolvedReplicaPorts() {
            Map<ServiceModule, List<Integer>> resolved = new java.util.EnumMap<>(ServiceModule.class);
            resolved.putAll(replicaPorts);
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            resolved.values().forEach(taken::addAll);
            for (ServiceModule service : ServiceModule.values()) {
                Integer count = replicaCounts.get(service);
                if (count == null) {
                    continue;
                }
                resolved.remove(service);
                if (count > 1) {
                    Objects.requireNonNull(ports, "ports");
                    List<Integer> extra = ports.replicaPorts(service.port(), count, taken);
                    taken.addAll(extra);
                    resolved.put(service, List.copyOf(extra));
                }
            }
            return resolved;
        }
    }
}
