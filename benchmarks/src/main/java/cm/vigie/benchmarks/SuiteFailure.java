package cm.vigie.benchmarks;

import java.util.List;

import cm.vigie.benchmarks.report.Metric;

/** The suite cannot give valid figures; carries what it measured until then. */
public class SuiteFailure extends RuntimeException {

    private final transient List<Metric> partialMetrics;

    public SuiteFailure(String message, List<Metric> partialMetrics) {
        this(message, partialMetrics, null);
    }

    public SuiteFailure(String message, List<Metric> partialMetrics, Throwable cause) {
        super(message, cause);
        this.partialMetrics = List.copyOf(partialMetrics);
    }

    public List<Metric> partialMetrics() {
        return partialMetrics;
    }
}
