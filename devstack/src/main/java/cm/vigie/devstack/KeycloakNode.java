package cm.vigie.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its Quarkus distribution zip, run in dev mode ({@code kc.sh start-dev}, H2 database in
 * {@code <home>/data}) with the Vigie realms imported from this module's resources.
 */
public final class KeycloakNode implements AutoCloseable {

    /** Realms imported at start; each is the resource {@code realms/<realm>-realm.json}. */
    public static final List<String> REALMS = List.of("platform", "minsante", "mincom");
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** JVM heap options for Keycloak (e.g. {@code -Xms64m -Xmx1g}), in place of kc.sh's default; unset: the default. */
    public static final String HEAP_PROPERTY = "vigie.keycloak.heap";

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ManagedProcess process;
    private final int port;

    private KeycloakNode(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Unzips the distribution if needed, copies the realm files and launches Keycloak (without waiting). */
    public static KeycloakNode launch(StackOptions options, Path logFile) {
        Path home = install(options.keycloakDistZip(), options.keycloakBaseDir(), options.keycloakVersion());
        try {
            if (options.freshKeycloakData()) {
                FileTree.delete(home.resolve("data"));
            }
            copyRealms(home.resolve("data/import"));
        } catch (IOException e) {
            throw new StackException("Could not prepare " + home + ": " + e.getMessage(), e);
        }
        int port = options.ports().keycloak();
        String url = StackPorts.localUrl(port);
        List<String> command = List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                // Fixes every URL Keycloak issues, the token's iss included, whatever host the client used.
                "--hostname=" + url,
                "--http-management-port=" + options.ports().keycloakManagement(),
                "--import-realm");
        Map<String, String> env = new HashMap<>();
        // Inherited Keycloak or JVM settings would make the dev stack behave differently on each machine.
        System.getenv().keySet().stream()
                .filter(key -> key.startsWith("KC_") || key.startsWith("KEYCLOAK_") || key.startsWith("JAVA_OPTS")
                        || key.equals("JAVA_ADD_OPENS") || key.equals("DEBUG") || key.equals("DEBUG_PORT"))
                .forEach(key -> env.put(key, null));
        env.put("JAVA_HOME", options.javaHome().toString());
        env.put("JAVA", options.javaHome().resolve("bin/java").toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // kc.sh gives Keycloak -Xmx512m outside a container; a benchmark of many realms may ask for another heap.
        String heap = System.getProperty(HEAP_PROPERTY, "").strip();
        if (!heap.isEmpty()) {
            env.put("JAVA_OPTS_KC_HEAP", heap);
        }
        return new KeycloakNode(ManagedProcess.start("keycloak", command, env, home, logFile), port);
    }

    /** Waits until realm {@code platform} publishes its OpenID configuration. */
    public void awaitReady(HttpClient http, Duration timeout) {
        process.awaitHttpOk(http, URI.create(url() + "/realms/" + REALMS.get(0) + "/.well-known/openid-configuration"),
                timeout);
    }

    public String url() {
        return StackPorts.localUrl(port);
    }

    public int port() {
        return port;
    }

    /** Pid of {@code kc.sh}; the Keycloak JVM is its child. */
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

    /** Returns {@code <baseDir>/keycloak-<version>}, unzipping the distribution there first if it is not there. */
    static Path install(Path distZip, Path baseDir, String version) {
        Path home = baseDir.resolve("keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        if (!Files.isRegularFile(distZip)) {
            throw new StackException("Keycloak distribution not found at " + distZip
                    + "; build the devstack module first (./mvnw -pl devstack -am -DskipTests package)");
        }
        try {
            Files.createDirectories(baseDir);
            // Unzip beside the target and rename at the end, so an interrupted unzip is never taken for an install.
            Path staging = Files.createTempDirectory(baseDir, ".unzip-");
            unzip(distZip, staging);
            Path unzipped = staging.resolve("keycloak-" + version);
            if (!Files.isDirectory(unzipped)) {
                throw new StackException(distZip + " has no keycloak-" + version + "/ directory");
            }
            FileTree.delete(home);
            Files.move(unzipped, home, StandardCopyOption.ATOMIC_MOVE);
            FileTree.delete(staging);
            return home;
        } catch (IOException e) {
            throw new StackException("Could not unzip " + distZip + " into " + baseDir + ": " + e.getMessage(), e);
        }
    }

    static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("Zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                // java.util.zip does not expose Unix modes; the scripts are the only files that need one.
                if (out.getParent().getFileName().toString().equals("bin") && out.toString().endsWith(".sh")) {
                    if (!out.toFile().setExecutable(true, false)) {
                        throw new IOException("Could not make " + out + " executable");
                    }
                }
            }
        }
    }

    static void copyRealms(Path importDir) throws IOException {
        Files.createDirectories(importDir);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(importDir, "*.json")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        for (String realm : REALMS) {
            String resource = realmResource(realm);
            try (InputStream in = KeycloakNode.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new StackException("Missing resource " + resource);
                }
                Files.copy(in, importDir.resolve(realm + "-realm.json"));
            }
        }
    }

    public static String realmResource(String realm) {
        return "realms/" + realm + "-realm.json";
    }
}
