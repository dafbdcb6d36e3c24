package cm.vigie.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code .vigie/state.properties}: the launcher's pid and each component's port and pid, written by
 * {@code ./platform up} and removed on a clean stop. A process start time is kept beside each pid so that a
 * pid reused by an unrelated process after a crash is not taken for ours.
 */
final class StateFile {

    record Entry(String name, int port, long pid, long startMillis) {

        /** Our process, still running. */
        boolean isAlive() {
            return StateFile.isSameProcess(pid, startMillis);
        }
    }

    record State(Entry launcher, Instant started, List<Entry> components) {
    }

    private StateFile() {
    }

    static void write(Path file, State state) {
        Properties properties = new Properties();
        put(properties, "launcher", state.launcher());
        properties.setProperty("started", state.started().toString());
        List<String> names = new ArrayList<>();
        for (Entry entry : state.components()) {
            names.add(entry.name());
            put(properties, "component." + entry.name(), entry);
        }
        properties.setProperty("components", String.join(",", names));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp)) {
                properties.store(out, "Vigie local platform: written by ./platform up, removed when it stops");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<State> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
            Entry launcher = get(properties, "launcher", "launcher");
            Instant started = Instant.parse(properties.getProperty("started"));
            List<Entry> components = new ArrayList<>();
            String names = properties.getProperty("components", "");
            for (String name : names.split(",")) {
                if (!name.isBlank()) {
                    components.add(get(properties, "component." + name, name));
                }
            }
            return Optional.of(new State(launcher, started, components));
        } catch (IOException | RuntimeException e) {
            // Unreadable: treated as absent; the port check still refuses a second start.
            return Optional.empty();
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do; a stale file is recognised by its dead pids
        }
    }

    static Entry entry(String name, int port, long pid) {
        long start = pid <= 0 ? 0 : ProcessHandle.of(pid)
                .flatMap(h -> h.info().startInstant())
                .map(Instant::toEpochMilli)
                .orElse(0L);
        return new Entry(name, port, pid, start);
    }

    static boolean isSameProcess(long pid, long startMillis) {
        if (pid <= 0) {
            return false;
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> startMillis == 0 || h.info().startInstant()
                        .map(i -> Math.abs(i.toEpochMilli() - startMillis) < 1000)
                        .orElse(true))
                .isPresent();
    }

    private static void put(Properties properties, String prefix, Entry entry) {
        properties.setProperty(prefix + ".port", Integer.toString(entry.port()));
        properties.setProperty(prefix + ".pid", Long.toString(entry.pid()));
        properties.setProperty(prefix + ".start", Long.toString(entry.startMillis()));
    }

    private static Entry get(Properties properties, String prefix, String name) {
        return new Entry(name,
                Integer.parseInt(properties.getProperty(prefix + ".port", "0")),
                Long.parseLong(properties.getProperty(prefix + ".pid", "-1")),
                Long.parseLong(properties.getProperty(prefix + ".start", "0")));
    }
}
