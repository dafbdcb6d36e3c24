package cm.vigie.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class BenchmarkMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BenchmarkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownSuiteListsTheSuitesAndExits2() {
        assertEquals(2, run("nope"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unknown suite 'nope'"), text);
        assertTrue(text.contains("startup"), text);
    }

    @Test
    void noSuiteIsAUsageError() {
        assertEquals(2, run());
        assertEquals(2, run("startup", "extra"));
        assertEquals(2, run("startup", "--repo-root"));
    }

    @Test
    void helpAndListExit0() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: benchmarks/run <suite>"));
        out.reset();
        assertEquals(0, run("--list"));
        assertEquals(Suites.all().stream().map(Suite::name).toList(),
                out.toString(StandardCharsets.UTF_8).strip().lines().toList());
    }

    /** benchmarks/run checks the suite name before building; its list must match this registry. */
    @Test
    void runScriptKnowsTheSameSuites() throws Exception {
        Path script = Path.of("run");
        String text = Files.readString(script);
        Matcher matcher = Pattern.compile("(?m)^SUITES=\\(([^)]*)\\)").matcher(text);
        assertTrue(matcher.find(), "no SUITES=(...) in " + script.toAbsolutePath());
        List<String> inScript = Arrays.stream(matcher.group(1).trim().split("\\s+")).toList();
        assertEquals(Suites.all().stream().map(Suite::name).toList(), inScript);
        assertTrue(Files.isExecutable(script), script + " must be executable");
    }
}
