package cm.vigie.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import cm.vigie.benchmarks.report.CpuMeter;
import cm.vigie.benchmarks.report.Interference;
import cm.vigie.benchmarks.report.Machine;
import cm.vigie.benchmarks.report.ReportTable;
import cm.vigie.benchmarks.report.ReportWriter;
import cm.vigie.benchmarks.report.SuiteReport;

/**
 * Entry point of {@code benchmarks/run}: {@code BenchmarkMain <suite> [--repo-root DIR] [--results-dir DIR]}.
 * Prints the suite's table and writes {@code <results-dir>/<suite>.json} (default {@code benchmarks/results/}).
 * Exit code 0 when the suite completed (missed targets included), 1 when it failed, 2 on a usage error.
 */
public final class BenchmarkMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** Set on Ctrl-C: what the suite reports afterwards comes from processes being stopped under it. */
    private static volatile boolean interrupted;

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> interrupted = true, "benchmarks-interrupted"));
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            code = FAILED;
        }
        // The identity provider's HTTP server has non-daemon threads and no stop method.
        System.exit(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String suiteName = null;
        Path repoRoot = Path.of(System.getProperty("vigie.repo.root", ".")).toAbsolutePath().normalize();
        Path resultsDir = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help", "help" -> {
                    out.print(usage());
                    return OK;
                }
                case "--list" -> {
                    Suites.all().forEach(s -> out.println(s.name()));
                    return OK;
                }
                case "--repo-root", "--results-dir" -> {
                    if (i + 1 >= args.length) {
                        err.println("benchmarks: " + arg + " needs a directory");
                        return USAGE;
                    }
                    Path value = Path.of(args[++i]).toAbsolutePath().normalize();
                    if (arg.equals("--repo-root")) {
                        repoRoot = value;
                    } else {
                        resultsDir = value;
                    }
                }
                default -> {
                    if (arg.startsWith("-") || suiteName != null) {
                        err.println("benchmarks: unexpected argument '" + arg + "'");
                        err.print(usage());
                        return USAGE;
                    }
                    suiteName = arg;
                }
            }
        }
        if (suiteName == null) {
            err.println("benchmarks: which suite?");
            err.print(usage());
            return USAGE;
        }
        Optional<Suite> suite = Suites.byName(suiteName);
        if (suite.isEmpty()) {
            err.println("benchmarks: unknown suite '" + suiteName + "'");
            err.print(suiteList());
            return USAGE;
        }
        if (resultsDir == null) {
            resultsDir = repoRoot.resolve("benchmarks/results");
        }
        return runSuite(suite.get(), repoRoot, resultsDir, out, err);
    }

    private static int runSuite(Suite suite, Path repoRoot, Path resultsDir, PrintStream out, PrintStream err) {
        Instant started = Instant.now();
        Path runDir = repoRoot.resolve("benchmarks/target/runs").resolve(suite.name());
        SuiteContext context = new SuiteContext(repoRoot, runDir, Path.of(System.getProperty("java.home")),
                started, Machine.current(), out);
        SuiteReport report;
        CpuMeter.Reading start = null;
        Double before = null;
        try {
            deleteTree(runDir);
            Files.createDirectories(runDir);
            out.println("Suite " + suite.name() + ": " + suite.description());
            out.println("Logs in " + runDir);
            before = otherWorkDuringOneSecond();
            if (before != null && before > Interference.NOTE_ABOVE_PERCENT) {
                context.note(String.format(Locale.ROOT, "other work kept %.0f%% of the processors busy just before "
                        + "the suite started", before));
            }
            start = CpuMeter.read();
            report = suite.run(context);
        } catch (SuiteFailure e) {
            report = failed(context, suite, e.getMessage(), e.partialMetrics());
            if (e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
        } catch (Exception e) {
            e.printStackTrace(err);
            report = failed(context, suite, e.getClass().getSimpleName() + ": " + e.getMessage(), List.of());
        }
        Double during = CpuMeter.otherPercent(start, CpuMeter.read(), context.ownTicks().get());
        if (during != null && during > Interference.NOTE_ABOVE_PERCENT) {
            context.note(String.format(Locale.ROOT, "other work took %.0f%% of the processors during the suite: the "
                    + "times are inflated; run it again on a quieter machine", during));
        }
        report = report.with(new Interference(before, during), context.notesSoFar());
        if (interrupted) {
            err.println("benchmarks: interrupted; " + resultsDir.resolve(suite.name() + ".json") + " left as it was.");
            return FAILED;
        }
        out.println();
        out.print(ReportTable.render(report));
        try {
            Path file = ReportWriter.write(report, resultsDir);
            out.println("\nResults written to " + file);
        } catch (IOException e) {
            err.println("benchmarks: could not write the results to " + resultsDir + ": " + e.getMessage());
            return FAILED;
        }
        return report.failed() ? FAILED : OK;
    }

    private static SuiteReport failed(SuiteContext context, Suite suite, String why,
                                      List<cm.vigie.benchmarks.report.Metric> metrics) {
        return new SuiteReport(suite.name(), SuiteReport.isoDate(context.started()), context.machine(),
                SuiteReport.FAILED, why, metrics, List.of(), context.notesSoFar());
    }

    private static Double otherWorkDuringOneSecond() throws InterruptedException {
        CpuMeter.Reading start = CpuMeter.read();
        Thread.sleep(1000);
        return CpuMeter.otherPercent(start, CpuMeter.read(), 0);
    }

    static String usage() {
        return """
                Usage: benchmarks/run <suite>
                       benchmarks/run --help | --list

                Runs one benchmark suite on this machine, prints a table and writes
                benchmarks/results/<suite>.json. Exit code 0 when the suite completed (a missed
                target is reported, not fatal), 1 when it failed, 2 on a usage error.

                """ + suiteList();
    }

    static String suiteList() {
        StringBuilder text = new StringBuilder("Suites:\n");
        for (Suite suite : Suites.all()) {
            text.append(String.format("  %-10s %s%n", suite.name(), suite.description()));
        }
        return text.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
