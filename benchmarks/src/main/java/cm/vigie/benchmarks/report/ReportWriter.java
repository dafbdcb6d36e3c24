package cm.vigie.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a {@link SuiteReport} as pretty JSON to {@code <resultsDir>/<suite>.json}, replacing the previous one. */
public final class ReportWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static String toJson(SuiteReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise the report of " + report.suite(), e);
        }
    }

    public static Path write(SuiteReport report, Path resultsDir) throws IOException {
        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve(report.suite() + ".json");
        Path temp = resultsDir.resolve("." + report.suite() + ".json.tmp");
        Files.writeString(temp, toJson(report) + System.lineSeparator());
        return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
