package cm.vigie.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How much of the processors other work took, from Linux's {@code /proc}: the figures are wall-clock times, so a
 * build or another stack running beside a suite inflates them. All values are in clock ticks, the unit of both
 * {@code /proc/stat} and {@code /proc/<pid>/stat}.
 */
public final class CpuMeter {

    /**
     * @param total ticks of all processors since boot
     * @param idle  idle and iowait ticks among them
     * @param own   ticks used by this JVM and its children it has waited for (so the services it started and stopped)
     */
    public record Reading(long total, long idle, long own) {
    }

    private CpuMeter() {
    }

    /** Now, or null when {@code /proc} cannot be read (not Linux). */
    public static Reading read() {
        long[] system = systemTicks(readLines(Path.of("/proc/stat")));
        Long own = ownTicks(readFirstLine(Path.of("/proc/self/stat")), true);
        return system == null || own == null ? null : new Reading(system[0], system[1], own);
    }

    /** Ticks of a live process and its live descendants (for daemons the JVM did not start as children). */
    public static long treeTicks(long pid) {
        return ProcessHandle.of(pid).map(root -> {
            long sum = ticksOf(root.pid());
            for (ProcessHandle child : root.descendants().toList()) {
                sum += ticksOf(child.pid());
            }
            return sum;
        }).orElse(0L);
    }

    private static long ticksOf(long pid) {
        Long ticks = ownTicks(readFirstLine(Path.of("/proc", Long.toString(pid), "stat")), true);
        return ticks == null ? 0 : ticks;
    }

    /**
     * Share (percent of all processors) that other processes kept busy between two readings: busy ticks minus this
     * JVM's own (children included) and {@code extraOwnTicks} (daemons the suite started). Null when unknown.
     */
    public static Double otherPercent(Reading start, Reading end, long extraOwnTicks) {
        if (start == null || end == null || end.total() <= start.total()) {
            return null;
        }
        double total = end.total() - start.total();
        double busy = total - (end.idle() - start.idle());
        double other = busy - (end.own() - start.own()) - extraOwnTicks;
        return Math.round(Math.max(0, other) / total * 1000) / 10.0;
    }

    /** {total, idle + iowait} from the aggregate {@code cpu} line of {@code /proc/stat}, or null. */
    static long[] systemTicks(List<String> procStat) {
        for (String line : procStat) {
            if (line.startsWith("cpu ")) {
                String[] fields = line.substring(4).strip().split("\\s+");
                if (fields.length < 5) {
                    return null;
                }
                try {
                    long total = 0;
                    // user nice system idle iowait irq softirq steal; guest time is already counted in user
                    for (int i = 0; i < Math.min(fields.length, 8); i++) {
                        total += Long.parseLong(fields[i]);
                    }
                    return new long[] { total, Long.parseLong(fields[3]) + Long.parseLong(fields[4]) };
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * utime + stime (+ cutime + cstime, the waited-for children's) of a {@code /proc/<pid>/stat} line, or null.
     * The command name in parentheses may hold spaces and parentheses, so fields are counted after the last ')'.
     */
    static Long ownTicks(String pidStat, boolean withChildren) {
        if (pidStat == null) {
            return null;
        }
        int close = pidStat.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        // after ')': state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17)
        String[] fields = pidStat.substring(close + 1).strip().split("\\s+");
        if (fields.length < 15) {
            return null;
        }
        try {
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String readFirstLine(Path file) {
        List<String> lines = readLines(file);
        return lines.isEmpty() ? null : lines.get(0);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
