package cm.vigie.devstack;

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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the launcher with its output in a log file: start, wait until an HTTP endpoint answers
 * 200, stop with its whole process tree.
 */
final class ManagedProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int TAIL_LINES = 40;
    private static final Path SETSID = findSetsid();

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} with stdout and stderr in {@code logFile} (truncated). {@code env} entries are added
     * to the launcher's environment; a {@code null} value removes the variable.
     */
    static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
                                Path logFile) {
        List<String> full = new ArrayList<>();
        // In a session of its own the child does not get the terminal's Ctrl-C: the launcher stops the
        // components itself, in order (gateway first, PostgreSQL last).
        if (SETSID != null) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            Files.createDirectories(logFile.getParent());
            return new ManagedProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new StackException("Could not start " + name + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    String logTail() {
        return LogTail.describe(logFile, TAIL_LINES);
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Polls {@code url} until it answers 200; fails early, with the log tail, if the process dies. */
    void awaitHttpOk(HttpClient http, URI url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException(name + " exited with code " + process.exitValue()
                        + " before it was ready; " + logTail());
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for " + name, e);
            }
            sleep(POLL_INTERVAL);
        }
        throw new StackException(name + " was not ready after " + timeout.toSeconds() + " s (GET " + url + ": "
                + last + "); " + logTail());
    }

    /**
     * Stops the process and every descendant: SIGTERM to all, then SIGKILL to whatever is still there after
     * {@code grace}. Descendants are signalled too because a wrapper script (kc.sh) may not pass signals on.
     */
    void stop(Duration grace) {
        stopTree(process.toHandle(), grace);
    }

    /** SIGKILL to the process and its descendants at once, as a crash would end it; returns once it is gone. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
    }

    static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            awaitExit(handle, Math.max(0, deadline - System.nanoTime()));
        }
        // Children may have been forked after the first snapshot.
        List<ProcessHandle> left = new ArrayList<>(root.descendants().toList());
        tree.stream().filter(ProcessHandle::isAlive).forEach(left::add);
        left.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : left) {
            awaitExit(handle, TimeUnit.SECONDS.toNanos(10));
        }
    }

    private static void awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // still alive: the caller escalates
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    private static Path findSetsid() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
