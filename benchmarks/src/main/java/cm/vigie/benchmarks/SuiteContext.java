package cm.vigie.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import cm.vigie.benchmarks.report.Machine;

/**
 * What a suite may use.
 *
 * @param repoRoot the Vigie checkout (service jars under {@code <module>/target/quarkus-app/})
 * @param runDir   a fresh directory for this run: logs, database files
 * @param javaHome the JDK that runs the services (the one running the suite)
 * @param started  when the suite started
 * @param machine  what it runs on, read when it started
 * @param out      where progress lines go
 * @param notes    collects {@link #note} lines for the report
 * @param ownTicks CPU clock ticks of processes the suite started that are not this JVM's children
 *                 (see {@link #countAsOwn})
 */
public record SuiteContext(Path repoRoot, Path runDir, Path javaHome, Instant started, Machine machine,
                           PrintStream out, List<String> notes, AtomicLong ownTicks) {

    public SuiteContext(Path repoRoot, Path runDir, Path javaHome, Instant started, Machine machine, PrintStream out) {
        this(repoRoot, runDir, javaHome, started, machine, out, new ArrayList<>(), new AtomicLong());
    }

    /**
     * Counts the CPU time of a live daemon the suite started (and its descendants) as the suite's own, not as other
     * work; call just before stopping it. Children of this JVM are counted already.
     */
    public void countAsOwn(long pid) {
        ownTicks.addAndGet(cm.vigie.benchmarks.report.CpuMeter.treeTicks(pid));
    }

    /** Something a reader of the figures should know: printed now and kept in the report. */
    public void note(String text) {
        synchronized (notes) {
            if (notes.contains(text)) {
                return;
            }
            notes.add(text);
        }
        progress("NOTE: %s", text);
    }

    public List<String> notesSoFar() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** Prints one progress line, prefixed with the seconds since the suite started. */
    public void progress(String format, Object... args) {
        double seconds = (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0;
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds, String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
