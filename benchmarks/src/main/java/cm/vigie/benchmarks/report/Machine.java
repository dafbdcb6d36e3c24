package cm.vigie.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the figures were measured on.
 *
 * @param cores     processors the JVM sees
 * @param os        name, version and architecture
 * @param java      version and vendor of the JDK that ran the suite and the services
 * @param cpu       model name from {@code /proc/cpuinfo}, when readable
 * @param memoryMiB total memory from {@code /proc/meminfo}, when readable
 * @param loadAverage one-minute load average from {@code /proc/loadavg} when the suite started, when readable
 *                  (it lags: it still counts work that ended up to a minute before)
 */
@JsonPropertyOrder({ "cores", "os", "java", "cpu", "memoryMiB", "loadAverage" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Machine(int cores, String os, String java, String cpu, Long memoryMiB, Double loadAverage) {

    public static Machine current() {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
        String java = System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")";
        return new Machine(Runtime.getRuntime().availableProcessors(), os, java, readCpuModel(), readMemoryMiB(),
                readLoadAverage());
    }

    private static String readCpuModel() {
        for (String line : readLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                int colon = line.indexOf(':');
                return colon < 0 ? null : line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static Long readMemoryMiB() {
        for (String line : readLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).strip().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) / 1024;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Double readLoadAverage() {
        List<String> lines = readLines(Path.of("/proc/loadavg"));
        if (lines.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(lines.get(0).strip().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
