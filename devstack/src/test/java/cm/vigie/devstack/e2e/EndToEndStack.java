package cm.vigie.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;

import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.Stack;
import cm.vigie.devstack.StackOptions;
import cm.vigie.devstack.StackPorts;

/**
 * The real stack (Keycloak distribution, embedded PostgreSQL, the three services, the gateway) for one end-to-end
 * class: started before its tests with a shutdown hook as a safety net, closed after them, and nothing may be left
 * running or listening.
 */
public final class EndToEndStack implements AutoCloseable {

    private final Stack stack;
    private final Thread safetyNet;

    private EndToEndStack(Stack stack, Thread safetyNet) {
        this.stack = stack;
        this.safetyNet = safetyNet;
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("vigie.repo.root", ".."));
    }

    public static Path target() {
        return Path.of(System.getProperty("vigie.devstack.target", "target"));
    }

    /** Starts the stack; {@code name} names its run directory under {@code target/it-runs}. */
    public static EndToEndStack start(String name) {
        return start(name, UnaryOperator.identity());
    }

    public static EndToEndStack start(String name, UnaryOperator<StackOptions> adjust) {
        List<String> missing = java.util.Arrays.stream(ServiceModule.values())
                .map(service -> service.runJar(repoRoot()))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString).toList();
        if (!missing.isEmpty()) {
            fail("Service jars missing (the reactor builds them before devstack: ./mvnw verify): " + missing);
        }
        Path runDir = target().resolve("it-runs")
                .resolve(name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        StackOptions options = adjust.apply(StackOptions.forTests(repoRoot(), runDir, target().resolve("it-keycloak")));
        long start = System.nanoTime();
        Stack stack = Stack.create(options, line -> System.out.println("[stack] " + line));
        Thread safetyNet = new Thread(stack::close, "e2e-" + name + "-stack-cleanup");
        Runtime.getRuntime().addShutdownHook(safetyNet);
        stack.startAll();
        System.out.printf("[stack] whole stack ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return new EndToEndStack(stack, safetyNet);
    }

    public Stack stack() {
        return stack;
    }

    /** Stops everything and checks that no child process is left and no port still listens. */
    @Override
    public void close() {
        List<Stack.Component> components = stack.components();
        stack.close();
        Runtime.getRuntime().removeShutdownHook(safetyNet);
        List<String> left = ProcessHandle.current().descendants()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), left, "child processes left after close");
        for (Stack.Component component : components) {
            assertTrue(StackPorts.isFree(component.port()), component + " still listens");
        }
    }
}
