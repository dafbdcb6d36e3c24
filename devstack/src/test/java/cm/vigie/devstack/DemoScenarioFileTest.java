package cm.vigie.devstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario the demo starts exists in plan-service's library and keeps the demo's promise at its speed. */
class DemoScenarioFileTest {

    private static final Path FILE = Path.of("..", "plan-service", "src", "main", "resources", "scenarios",
            DemoExercise.SCENARIO_ID + ".yaml");

    @Test
    void theDemoScenarioIsGentleAndAlertsWithinAMinuteAtTheDemoSpeed() throws IOException {
        assertTrue(Files.isRegularFile(FILE), FILE.toAbsolutePath() + " is missing");
        String yaml = Files.readString(FILE);
        assertTrue(yaml.contains("\nid: " + DemoExercise.SCENARIO_ID + "\n"), "the file's id is the demo's");
        assertTrue(yaml.contains("\ngentle: true\n"), "the demo scenario is marked gentle");

        String expectations = yaml.substring(yaml.indexOf("\nexpectations:"));
        Matcher deadlines = Pattern.compile("by: (PT[0-9HMS.]+)").matcher(expectations);
        Duration first = null;
        while (deadlines.find()) {
            Duration by = Duration.parse(deadlines.group(1));
            first = first == null || by.compareTo(first) < 0 ? by : first;
        }
        assertFalse(first == null, "the demo scenario expects an alert");
        Duration wall = first.dividedBy(DemoExercise.SPEED);
        assertTrue(wall.compareTo(Duration.ofMinutes(1)) <= 0, "first alert due " + wall + " after start at x"
                + DemoExercise.SPEED);

        List<Duration> injects = Pattern.compile("\n  - at: (PT[0-9HMS.]+)").matcher(yaml).results()
                .map(m -> Duration.parse(m.group(1))).toList();
        assertTrue(injects.stream().anyMatch(at -> at.dividedBy(DemoExercise.SPEED).compareTo(Duration.ofSeconds(20)) <= 0),
                "mentions start arriving within 20 s");
    }
}
