package cm.vigie.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The few statistics the suites report. */
public final class Stats {

    private Stats() {
    }

    /** Median; the mean of the two middle values for an even count. */
    public static double median(List<Double> samples) {
        requireSamples(samples);
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public static double max(List<Double> samples) {
        requireSamples(samples);
        return Collections.max(samples);
    }

    private static void requireSamples(List<Double> samples) {
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        for (Double sample : samples) {
            if (sample == null || sample.isNaN()) {
                throw new IllegalArgumentException("invalid sample " + sample + " in " + samples);
            }
        }
    }
}
