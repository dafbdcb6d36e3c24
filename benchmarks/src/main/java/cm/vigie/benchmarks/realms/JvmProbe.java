package cm.vigie.benchmarks.realms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cm.vigie.benchmarks.soak.Soak;
import cm.vigie.benchmarks.startup.ProcStatus;

/** Memory of a running JVM through {@code jcmd} and {@code /proc}: resident set, heap after a full GC, live objects. */
final class JvmProbe {

    /** Quarkus OIDC's per-tenant state: one per static tenant, plus one per dynamic tenant a resolver returned. */
    static final String TENANT_CONTEXT_CLASS = "io.quarkus.oidc.runtime.TenantConfigContextImpl";
    private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");

    private final Path javaHome;

    JvmProbe(Path javaHome) {
        this.javaHome = javaHome;
    }

    double rssMiB(long pid) {
        return ProcStatus.rssMiB(pid);
    }

    /** Heap used right after a full GC, in MiB: the live set. */
    double heapAfterGcMiB(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return Soak.usedMiB(jcmd(pid, "GC.heap_info"));
    }

    double maxHeapMiB(long pid) throws IOException, InterruptedException {
        Matcher max = MAX_HEAP.matcher(jcmd(pid, "VM.flags"));
        return max.find() ? Long.parseLong(max.group(1)) / (1024.0 * 1024.0) : Double.NaN;
    }

    /** Live instances of one class (jcmd GC.class_histogram, which runs a full GC first). */
    long liveInstances(long pid, String className) throws IOException, InterruptedException {
        return countIn(jcmd(pid, "GC.class_histogram"), className);
    }

    static long countIn(String histogram, String className) {
        long count = 0;
        for (String line : histogram.split("\n")) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":") && columns[3].equals(className)) {
                count += Long.parseLong(columns[1]);
            }
        }
        return count;
    }

    private String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(javaHome.resolve("bin/jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }
}
