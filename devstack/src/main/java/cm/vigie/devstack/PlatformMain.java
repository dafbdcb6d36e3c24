package cm.vigie.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/** Entry point of {@code ./platform}: {@code up} (default), {@code status}, {@code stop}, {@code reset}. */
public final class PlatformMain {

    private static final PrintStream OUT = System.out;
    private static final Duration LAUNCHER_STOP_TIMEOUT = Duration.ofSeconds(90);

    private final StackOptions options;
    private final boolean demo;

    private PlatformMain(StackOptions options, boolean demo) {
        this.options = options;
        this.demo = demo;
    }

    public static void main(String[] args) {
        PlatformArgs parsed;
        StackOptions options;
        try {
            parsed = PlatformArgs.parse(Arrays.asList(args));
            Path repoRoot = Path.of(parsed.flags().getOrDefault(PlatformArgs.REPO_ROOT, ".")).toAbsolutePath().normalize();
            options = StackOptions.forPlatform(repoRoot, StackPorts.resolve(System.getenv(), parsed.flags()))
                    .toBuilder().replicas(parsed.replicas()).build();
        } catch (IllegalArgumentException e) {
            System.err.println("platform: " + e.getMessage());
            System.exit(2);
            return;
        }
        PlatformMain main = new PlatformMain(options, !parsed.has(PlatformArgs.NO_DEMO));
        int code = switch (parsed.command()) {
            case "status" -> main.status();
            case "stop" -> main.stop();
            case "reset" -> main.reset();
            default -> main.up();
        };
        if (code != 0) {
            System.exit(code);
        }
    }

    private int up() {
        if (refuseSecondStart()) {
            return 1;
        }
        long pid = ProcessHandle.current().pid();
        Instant started = Instant.now();
        Stack stack = Stack.create(options, new Stack.Progress() {
            @Override
            public void line(String text) {
                OUT.println(text);
            }

            @Override
            public void launched(List<Stack.Component> components) {
                StateFile.write(options.stateFile(), state(started, components));
            }
        });
        StateFile.write(options.stateFile(), state(started, List.of()));
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopping.set(true);
            OUT.println();
            OUT.println("Stopping Vigie...");
            try {
                stack.close();
            } finally {
                StateFile.delete(options.stateFile());
            }
            OUT.println("Vigie stopped.");
        }, "vigie-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        OUT.println("Starting Vigie (logs in " + display(options.logsDir()) + "/, pid " + pid + ")");
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            if (stopping.get()) {
                // Ctrl-C during start: the shutdown hook is stopping everything and says so.
                return 0;
            }
            System.err.println();
            System.err.println("Vigie did not start: " + (e instanceof StackException ? e.getMessage() : e.toString()));
            System.err.println("Logs: " + display(options.logsDir()) + "/");
            // close() already ran; the hook would only repeat the "stopped" lines.
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C right now: the hook runs, harmlessly
            }
            StateFile.delete(options.stateFile());
            return 1;
        }
        Duration elapsed = Duration.between(started, Instant.now());
        DemoOutcome outcome = demo ? startDemo(stack) : null;
        printWelcome(elapsed, outcome);
        if (outcome != null && outcome.started() != null) {
            announceFirstAlert(stack, outcome.started());
        }
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private StateFile.State state(Instant started, List<Stack.Component> components) {
        return new StateFile.State(
                StateFile.entry("launcher", 0, ProcessHandle.current().pid()),
                started,
                components.stream().map(c -> StateFile.entry(c.name(), c.port(), c.pid())).toList());
    }

    private boolean refuseSecondStart() {
        Optional<StateFile.State> state = StateFile.read(options.stateFile());
        if (state.isEmpty()) {
            return false;
        }
        if (state.get().launcher().isAlive()) {
            System.err.println("Vigie is already running (launcher pid " + state.get().launcher().pid()
                    + "). See ./platform status; stop it with Ctrl-C in its terminal or ./platform stop.");
            return true;
        }
        List<StateFile.Entry> leftovers = state.get().components().stream().filter(StateFile.Entry::isAlive).toList();
        if (!leftovers.isEmpty()) {
            System.err.println("A previous run did not stop cleanly; still running: " + leftovers.stream()
                    .map(e -> e.name() + " (pid " + e.pid() + ")").collect(Collectors.joining(", "))
                    + ". Run ./platform stop first.");
            return true;
        }
        StateFile.delete(options.stateFile());
        return false;
    }

    /** The demo exercise that was started (or found running), or why it could not be. */
    private record DemoOutcome(DemoExercise.Started started, String problem) {
    }

    private static HttpClient demoHttp() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).proxy(HttpClient.Builder.NO_PROXY).build();
    }

    /** Starts the gentle scenario in minsante; a refusal is reported, never fatal: the platform itself is up. */
    private DemoOutcome startDemo(Stack stack) {
        OUT.println("Starting the demo exercise (scenario " + DemoExercise.SCENARIO_ID + " in " + DemoExercise.REALM
                + ", x" + DemoExercise.SPEED + ")...");
        try {
            return new DemoOutcome(new DemoExercise(demoHttp(), stack.keycloakUrl(), stack.gatewayUrl()).start(), null);
        } catch (RuntimeException e) {
            return new DemoOutcome(null, e.getMessage());
        }
    }

    /** Says on the console when the demo's first alert opens (a daemon thread: Ctrl-C does not wait for it). */
    private void announceFirstAlert(Stack stack, DemoExercise.Started started) {
        Instant from = Instant.now();
        Thread watcher = new Thread(() -> {
            Optional<DemoExercise.FirstAlert> alert = new DemoExercise(demoHttp(), stack.keycloakUrl(), stack.gatewayUrl())
                    .awaitFirstAlert(started.exerciseId(), Duration.ofSeconds(120), Duration.ofSeconds(2));
            if (alert.isPresent()) {
                DemoExercise.FirstAlert a = alert.get();
                OUT.printf(Locale.ROOT, "[demo] %s alert open (%s, %s, %d mention%s), %.0f s after ready (curl commands above)."
                                + "%n", a.rule(), a.title(), a.severity(), a.mentions(),
                        a.mentions() == 1 ? "" : "s", Duration.between(from, Instant.now()).toMillis() / 1000.0);
            } else {
                OUT.println("[demo] no alert yet after 2 minutes; see " + display(options.logsDir())
                        + "/watch-service.log and plan-service.log.");
            }
        }, "vigie-demo-alert");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void printWelcome(Duration elapsed, DemoOutcome demoOutcome) {
        StackPorts ports = options.ports();
        String gateway = StackPorts.localUrl(ports.gateway());
        String keycloak = StackPorts.localUrl(ports.keycloak());
        OUT.println();
        OUT.printf(Locale.ROOT, "Vigie is up in %.0f s. Press Ctrl-C to stop everything.%n", elapsed.toMillis() / 1000.0);
        OUT.println();
        OUT.printf("  %-22s %s%n", "Gateway (API)", gateway);
        for (ServiceModule service : ServiceModule.values()) {
            if (options.replicas(service) > 1) {
                OUT.printf("  %-22s %s%n", service.module() + " x" + options.replicas(service), String.join(" ",
                        options.instancePorts(service).stream().map(StackPorts::localUrl).toList()));
            }
        }
        // One merged document for all services; Swagger UI logs in to realm minsante (PKCE, client vigie-console).
        OUT.printf("  %-22s %s  (document: %s)%n", "Swagger UI",
                "http://localhost:" + ports.gateway() + "/q/swagger-ui", gateway + "/openapi");
        OUT.printf("  %-22s %s  user %s / password %s (local stack only)%n", "Keycloak admin console",
                keycloak + "/admin", KeycloakNode.ADMIN_USERNAME, KeycloakNode.ADMIN_PASSWORD);
        OUT.printf("  %-22s 127.0.0.1:%d  user %s / password %s, databases accounts, watch, plan%n", "PostgreSQL",
                ports.postgres(), PostgresNode.USER, PostgresNode.PASSWORD);
        OUT.printf("  %-22s %s/%n", "Logs", display(options.logsDir()));
        OUT.println();
        OUT.println("  Demo logins (Keycloak realm = institution):");
        OUT.printf("    %-10s %-10s %-10s %s%n", "REALM", "USER", "PASSWORD", "ROLE");
        for (DemoLogins.Login login : DemoLogins.all()) {
            OUT.printf("    %-10s %-10s %-10s %s%n", login.realm(), login.username(), login.password(), login.roles());
        }
        OUT.println();
        OUT.println("  Try it (token for minsante/cm, then a call through the gateway):");
        OUT.println("    TOKEN=$(curl -s -d client_id=" + KeycloakTokens.CLIENT_ID
                + " -d grant_type=password -d username=cm -d password=demo \\");
        OUT.println("      " + keycloak + "/realms/minsante/protocol/openid-connect/token \\");
        OUT.println("      | grep -o '\"access_token\":\"[^\"]*\"' | cut -d'\"' -f4)");
        OUT.println("    curl -H \"Authorization: Bearer $TOKEN\" " + gateway + "/api/accounts/official");
        OUT.println();
        if (demoOutcome != null) {
            printDemo(demoOutcome, gateway);
        }
    }

    private static void printDemo(DemoOutcome outcome, String gateway) {
        if (outcome.started() == null) {
            OUT.println("  Demo exercise NOT started: " + outcome.problem());
            OUT.println("  (the platform itself is up; ./platform up --no-demo skips the demo)");
            OUT.println();
            return;
        }
        String id = outcome.started().exerciseId();
        OUT.println("  Demo exercise " + id + (outcome.started().reused() ? " (already running, "
                + outcome.started().status() + ")" : "") + ": scenario " + DemoExercise.SCENARIO_ID + " in "
                + DemoExercise.REALM + " at x" + DemoExercise.SPEED + "; mentions arrive now, an alert opens within a"
                + " minute. Skip it with ./platform up --no-demo; see docs/scenarios.md.");
        OUT.println("    Watch the alert stream live (with the TOKEN above; tokens last 5 minutes, the stream stays open):");
        OUT.println("    curl -N -H \"Authorization: Bearer $TOKEN\" " + gateway + "/api/watch/alerts/stream");
        OUT.println("    The exercise's alerts and mentions:");
        OUT.println("    curl -H \"Authorization: Bearer $TOKEN\" '" + gateway + "/api/watch/alerts?exerciseId=" + id + "'");
        OUT.println("    curl -H \"Authorization: Bearer $TOKEN\" '" + gateway + "/api/watch/mentions?exerciseId=" + id + "'");
        OUT.println("    Debrief (score, timeline chart; JSON, or HTML to open in a browser):");
        OUT.println("    curl -H \"Authorization: Bearer $TOKEN\" " + gateway + "/api/plans/exercises/" + id + "/debrief");
        OUT.println("    curl -H \"Authorization: Bearer $TOKEN\" -H 'Accept: text/html' " + gateway
                + "/api/plans/exercises/" + id + "/debrief -o debrief.html");
        OUT.println("    Stop it, then delete its data (token of minsante/admin): POST " + gateway + "/api/plans/exercises/"
                + id + "/stop, DELETE " + gateway + "/api/plans/exercises/" + id);
        OUT.println();
    }

    private int status() {
        Optional<StateFile.State> state = StateFile.read(options.stateFile());
        boolean running = state.isPresent() && state.get().launcher().isAlive();
        if (running) {
            OUT.println("Vigie is running (launcher pid " + state.get().launcher().pid() + ", since "
                    + state.get().started() + ")");
        } else if (state.isPresent()) {
            OUT.println("Vigie is not running, but its last run did not stop cleanly (launcher pid "
                    + state.get().launcher().pid() + " is gone); ./platform stop cleans up.");
        } else {
            OUT.println("Vigie is not running.");
        }
        OUT.printf("  %-18s %-6s %-8s %s%n", "COMPONENT", "PORT", "STATE", "PID");
        for (StatusRow row : statusRows(state)) {
            OUT.printf("  %-18s %-6d %-8s %s%n", row.name(), row.port(), row.state(), row.pid() > 0 ? row.pid() : "-");
        }
        if (running) {
            OUT.println("Gateway: " + StackPorts.localUrl(options.ports().gateway())
                    + "   Keycloak: " + StackPorts.localUrl(options.ports().keycloak()));
        }
        return 0;
    }

    private record StatusRow(String name, int port, String state, long pid) {
    }

    private List<StatusRow> statusRows(Optional<StateFile.State> state) {
        List<StatusRow> rows = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("postgres", "keycloak"));
        for (ServiceModule service : ServiceModule.values()) {
            names.add(service.module());
            // further instances (--replicas) as the running platform recorded them
            state.ifPresent(s -> s.components().stream().map(StateFile.Entry::name)
                    .filter(n -> n.startsWith(service.module() + "-") && !names.contains(n))
                    .forEach(names::add));
        }
        for (String name : names) {
            Optional<StateFile.Entry> entry = state.flatMap(s -> s.components().stream()
                    .filter(e -> e.name().equals(name)).findFirst());
            int port = entry.map(StateFile.Entry::port).orElse(defaultPort(name));
            boolean listening = isListening(port);
            String text;
            long pid = -1;
            if (entry.isPresent()) {
                boolean alive = entry.get().isAlive();
                pid = alive ? entry.get().pid() : -1;
                text = alive ? (listening ? "up" : "starting") : "down";
            } else {
                // Not launched (yet): a listener there is someone else's.
                boolean launcherAlive = state.isPresent() && state.get().launcher().isAlive();
                text = listening ? "in use" : (launcherAlive ? "pending" : "down");
            }
            rows.add(new StatusRow(name, port, text, pid));
        }
        return rows;
    }

    private int defaultPort(String component) {
        return switch (component) {
            case "postgres" -> options.ports().postgres();
            case "keycloak" -> options.ports().keycloak();
            default -> Arrays.stream(ServiceModule.values())
                    .filter(s -> s.module().equals(component))
                    .map(s -> options.ports().get(s.port()))
                    .findFirst().orElse(0);
        };
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks a running launcher to stop (as Ctrl-C would), or cleans up what a crashed one left. */
    private int stop() {
        Optional<StateFile.State> state = StateFile.read(options.stateFile());
        if (state.isEmpty()) {
            OUT.println("Vigie is not running.");
            return 0;
        }
        StateFile.Entry launcher = state.get().launcher();
        if (launcher.isAlive()) {
            OUT.println("Stopping Vigie (launcher pid " + launcher.pid() + ")...");
            ProcessHandle handle = ProcessHandle.of(launcher.pid()).orElseThrow();
            handle.destroy();
            try {
                handle.onExit().get(LAUNCHER_STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("The launcher did not stop within " + LAUNCHER_STOP_TIMEOUT.toSeconds()
                        + " s; killing what is left.");
                handle.destroyForcibly();
            }
            if (StateFile.read(options.stateFile()).isEmpty()) {
                OUT.println("Vigie stopped.");
                return 0;
            }
        }
        // Whatever is still alive was left by a launcher that died without its shutdown hook (kill -9, crash).
        List<StateFile.Entry> left = new ArrayList<>(state.get().components());
        java.util.Collections.reverse(left);
        for (StateFile.Entry entry : left) {
            if (entry.isAlive()) {
                OUT.println("Stopping leftover " + entry.name() + " (pid " + entry.pid() + ")");
                ProcessHandle.of(entry.pid()).ifPresent(h -> stopLeftover(entry.name(), h));
            }
        }
        StateFile.delete(options.stateFile());
        OUT.println("Vigie stopped.");
        return 0;
    }

    private static void stopLeftover(String name, ProcessHandle handle) {
        if (name.equals("postgres")) {
            // SIGTERM to the postmaster alone is PostgreSQL's own clean shutdown; its children follow it.
            handle.destroy();
            try {
                handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                // escalate below
            }
        }
        ManagedProcess.stopTree(handle, Duration.ofSeconds(20));
    }

    private int reset() {
        stop();
        try {
            FileTree.delete(options.workDir());
        } catch (IOException e) {
            System.err.println("Could not delete " + options.workDir() + ": " + e.getMessage());
            return 1;
        }
        OUT.println("Deleted " + display(options.workDir()) + "/ (database, Keycloak and logs); the next ./platform up"
                + " starts from scratch.");
        return 0;
    }

    private static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }
}
