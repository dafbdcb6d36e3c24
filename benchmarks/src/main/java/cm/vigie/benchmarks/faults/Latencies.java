package cm.vigie.benchmarks.faults;

import java.util.Arrays;

/** A growable list of latencies in milliseconds, safe to add to from many threads; percentiles by nearest rank. */
public final class Latencies {

    private double[] values = new double[1024];
    private int size;

    public synchronized void add(double millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    public synchronized int count() {
        return size;
    }

    /** The {@code p} quantile (0 to 1), NaN when empty. */
    public synchronized double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(size - 1, (int) Math.ceil(p * size) - 1))];
    }
}
