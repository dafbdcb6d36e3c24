package cm.vigie.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident memory of a process from Linux's {@code /proc/<pid>/status}. */
public final class ProcStatus {

    private ProcStatus() {
    }

    /** The {@code VmRSS:} value in KiB (the kernel writes "kB" for KiB), or empty when absent. */
    static OptionalLong vmRssKiB(String statusText) {
        for (String line : statusText.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) {
                    try {
                        return OptionalLong.of(Long.parseLong(parts[0]));
                    } catch (NumberFormatException e) {
                        return OptionalLong.empty();
                    }
                }
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** VmRSS of a live process in MiB. */
    public static double rssMiB(long pid) {
        Path file = Path.of("/proc", Long.toString(pid), "status");
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + " (is process " + pid + " still running?): "
                    + e.getMessage(), e);
        }
        long kib = vmRssKiB(text).orElseThrow(() -> new IllegalStateException("No VmRSS line in " + file));
        return kib / 1024.0;
    }
}
