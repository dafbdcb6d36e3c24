package cm.vigie.plan.exercise.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * The scenario library: every {@code scenarios/*.yaml} on the classpath, read once at start. A file that does not
 * validate is left out with an error in the log (ScenarioLibraryTest fails the build on it first).
 */
@ApplicationScoped
public class ScenarioLibrary {

    private static final Logger LOG = Logger.getLogger(ScenarioLibrary.class);
    static final String DIRECTORY = "scenarios";

    private final Map<String, Scenario> scenarios;

    ScenarioLibrary() {
        Map<String, Scenario> loaded = new TreeMap<>();
        for (Map.Entry<String, String> file : read(Thread.currentThread().getContextClassLoader()).entrySet()) {
            try {
                Scenario scenario = ScenarioParser.parse(file.getKey(), file.getValue());
                loaded.put(scenario.id(), scenario);
            } catch (InvalidScenarioException e) {
                LOG.errorf("Scenario %s left out of the library: %s", file.getKey(), e.getMessage());
            }
        }
        this.scenarios = Collections.unmodifiableMap(loaded);
        LOG.infof("Exercise scenarios: %s", loaded.keySet());
    }

    public List<Scenario> all() {
        return List.copyOf(scenarios.values());
    }

    public Optional<Scenario> find(String id) {
        return Optional.ofNullable(id == null ? null : scenarios.get(id));
    }

    /** File name → content of every {@code scenarios/*.yaml} the class loader sees, in directories and jars. */
    public static Map<String, String> read(ClassLoader loader) {
        Map<String, String> files = new TreeMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(DIRECTORY))) {
                switch (url.getProtocol()) {
                    case "file" -> {
                        try (Stream<Path> paths = Files.list(Path.of(url.toURI()))) {
                            for (Path path : paths.filter(ScenarioLibrary::isScenario).toList()) {
                                files.putIfAbsent(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
                            }
                        }
                    }
                    case "jar" -> {
                        JarURLConnection connection = (JarURLConnection) url.openConnection();
                        connection.setUseCaches(false);
                        try (JarFile jar = connection.getJarFile()) {
                            TreeSet<String> names = new TreeSet<>();
                            jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(DIRECTORY + "/")
                                    && n.indexOf('/', DIRECTORY.length() + 1) < 0 && isScenario(Path.of(n))).forEach(names::add);
                            for (String name : names) {
                                try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                                    files.putIfAbsent(name.substring(DIRECTORY.length() + 1), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                                }
                            }
                        }
                    }
                    default -> LOG.warnf("Scenarios at %s cannot be listed", url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** Parses every file; answers the problems of all of them (empty when the library is sound). */
    public static List<ScenarioError> validate(Map<String, String> files) {
        List<ScenarioError> errors = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            try {
                ScenarioParser.parse(file.getKey(), file.getValue());
            } catch (InvalidScenarioException e) {
                errors.addAll(e.errors());
            }
        }
        return errors;
    }

    private static boolean isScenario(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
