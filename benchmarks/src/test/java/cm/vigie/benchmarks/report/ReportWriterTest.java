package cm.vigie.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReportWriterTest {

    private static SuiteReport sample() {
        Metric ready = Metric.of("ready-after-jvm-start", "accounts-service", "ms", List.of(2841.2, 3100.0, 2790.5));
        Metric rss = Metric.of("rss-after-warm-up", "accounts-service", "MiB", List.of(231.5, 240.0, 228.1));
        return new SuiteReport("startup", SuiteReport.isoDate(Instant.parse("2026-11-27T21:03:04.567Z")),
                new Machine(2, "Linux 6.8 (amd64)", "25.0.1+8-LTS (Eclipse Adoptium, OpenJDK 64-Bit Server VM)",
                        "AMD EPYC", 24105L, 0.42),
                SuiteReport.COMPLETED, null, List.of(ready, rss),
                List.of(Target.atMost("ready <= 3000 ms", ready, "max", 3000),
                        Target.atMost("RSS <= 300 MiB", rss, "max", 300)), List.of());
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportWriter.toJson(sample()));

        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("suite", "date", "machine", "status", "metrics", "targets"), fields,
                "failure is left out when null, notes when empty");
        assertEquals("startup", json.get("suite").asText());
        assertEquals("2026-11-27T21:03:04Z", json.get("date").asText());
        assertEquals(2, json.at("/machine/cores").asInt());
        assertEquals("Linux 6.8 (amd64)", json.at("/machine/os").asText());
        assertEquals(0.42, json.at("/machine/loadAverage").asDouble());
        assertTrue(json.at("/machine/java").asText().startsWith("25"));
        assertEquals("completed", json.get("status").asText());

        JsonNode ready = json.get("metrics").get(0);
        assertEquals("ready-after-jvm-start", ready.get("name").asText());
        assertEquals("accounts-service", ready.get("service").asText());
        assertEquals("ms", ready.get("unit").asText());
        assertEquals(2841.2, ready.get("median").asDouble());
        assertEquals(3100.0, ready.get("max").asDouble());
        assertEquals(3, ready.get("samples").size());

        JsonNode readyTarget = json.get("targets").get(0);
        assertEquals("ready-after-jvm-start", readyTarget.get("metric").asText());
        assertEquals("max", readyTarget.get("statistic").asText());
        assertEquals(3000.0, readyTarget.get("limit").asDouble());
        assertEquals(3100.0, readyTarget.get("actual").asDouble());
        assertFalse(readyTarget.get("passed").asBoolean());
        assertTrue(json.get("targets").get(1).get("passed").asBoolean());
    }

    @Test
    void interferenceComesAfterTheMachine() throws Exception {
        SuiteReport report = sample().with(new Interference(2.5, null), List.of("n"));
        JsonNode json = new ObjectMapper().readTree(ReportWriter.toJson(report));
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("suite", "date", "machine", "interference", "status", "metrics", "targets", "notes"),
                fields);
        assertEquals(2.5, json.at("/interference/beforePercent").asDouble());
        assertTrue(json.at("/interference/duringPercent").isMissingNode(), "unknown is left out");
    }

    @Test
    void aFailedSuiteSaysWhy() throws Exception {
        SuiteReport failed = new SuiteReport("startup", "2026-11-27T21:03:04Z", sample().machine(),
                SuiteReport.FAILED, "watch-service run 2: 3 of 1000 warm-up requests did not succeed", List.of(),
                List.of(), List.of("a note"));
        JsonNode json = new ObjectMapper().readTree(ReportWriter.toJson(failed));
        assertEquals("failed", json.get("status").asText());
        assertTrue(json.get("failure").asText().contains("did not succeed"));
        assertEquals(0, json.get("metrics").size());
        assertEquals("a note", json.get("notes").get(0).asText());
    }

    @Test
    void writesSuiteNameDotJsonReplacingTheLastOne(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("benchmarks/results");
        Path first = ReportWriter.write(sample(), results);
        Path second = ReportWriter.write(sample(), results);
        assertEquals(results.resolve("startup.json"), first);
        assertEquals(first, second);
        try (var files = Files.list(results)) {
            assertEquals(List.of(first), files.toList());
        }
        assertEquals("startup", new ObjectMapper().readTree(first.toFile()).get("suite").asText());
    }

    @Test
    void machineOfThisJvmIsFilledIn() {
        Machine machine = Machine.current();
        assertTrue(machine.cores() >= 1);
        assertTrue(machine.java().startsWith(System.getProperty("java.runtime.version")));
        assertFalse(machine.os().isBlank());
    }
}
