package cm.vigie.benchmarks.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quarkus's own start time, from the line it logs once the application runs:
 * {@code ... accounts-service 0.1.0-SNAPSHOT on JVM (powered by Quarkus 3.33.2) started in 2.345s. Listening on: ...}.
 * Quarkus counts from its main method, so this leaves out JVM boot and class loading before it.
 */
final class StartedInLine {

    private static final Pattern STARTED_IN = Pattern.compile("\\bstarted in (\\d+(?:\\.\\d+)?)s\\b");
    private static final Duration POLL = Duration.ofMillis(20);

    private StartedInLine() {
    }

    /** The seconds of a "started in 1.234s" line, or empty when the line is not one. */
    static OptionalDouble seconds(String line) {
        if (!line.toLowerCase(Locale.ROOT).contains("quarkus")) {
            return OptionalDouble.empty();
        }
        Matcher matcher = STARTED_IN.matcher(line);
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }

    /** The first "started in" of a log's lines. */
    static OptionalDouble firstIn(List<String> lines) {
        for (String line : lines) {
            OptionalDouble seconds = seconds(line);
            if (seconds.isPresent()) {
                return seconds;
            }
        }
        return OptionalDouble.empty();
    }

    /** Reads {@code log} until it holds the line (it may lag the ready answer by a flush), at most {@code timeout}. */
    static OptionalDouble awaitIn(Path log, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            OptionalDouble seconds = firstIn(readLines(log));
            if (seconds.isPresent() || System.nanoTime() > deadline) {
                return seconds;
            }
            Thread.sleep(POLL);
        }
    }

    private static List<String> readLines(Path log) {
        try {
            // Lenient decoding: a log may hold bytes that are not UTF-8.
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
