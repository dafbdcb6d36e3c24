package cm.vigie.plan.exercise.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every scenario of the library (src/main/resources/scenarios) must validate; the build fails on the first bad file. */
class ScenarioLibraryTest {

    static final Path LIBRARY = Path.of("src/main/resources/scenarios");

    static Map<String, String> libraryFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(LIBRARY)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(LIBRARY)) {
            for (Path path : paths.filter(p -> !Files.isDirectory(p)).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void everyLibraryScenarioValidates() throws IOException {
        Map<String, String> files = libraryFiles();
        for (String name : files.keySet()) {
            assertTrue(name.endsWith(".yaml"), "only <id>.yaml files belong in " + LIBRARY + ": " + name);
        }
        List<ScenarioError> errors = ScenarioLibrary.validate(files);
        assertTrue(errors.isEmpty(), () -> "invalid scenarios:\n" + errors.stream().map(ScenarioError::toString)
                .collect(Collectors.joining("\n")));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Scenario scenario = ScenarioParser.parse(file.getKey(), file.getValue());
            assertFalse(scenario.timeline().isEmpty(), file.getKey());
        }
    }

    @Test
    void theClasspathLoaderFindsScenariosAndValidationCatchesABadOne() throws IOException {
        Map<String, String> onClasspath = ScenarioLibrary.read(Thread.currentThread().getContextClassLoader());
        assertTrue(onClasspath.containsKey("drill-short.yaml"), onClasspath.keySet().toString());
        assertTrue(onClasspath.keySet().containsAll(libraryFiles().keySet()), "the library is on the classpath");
        Map<String, String> withBadFile = new TreeMap<>(onClasspath);
        withBadFile.put("bad.yaml", onClasspath.get("drill-short.yaml"));
        List<ScenarioError> errors = ScenarioLibrary.validate(withBadFile);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("bad.yaml", errors.get(0).file());
    }
}
