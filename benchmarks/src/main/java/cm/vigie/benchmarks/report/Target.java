package cm.vigie.benchmarks.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A goal a metric should meet, and whether it did: {@code actual <= limit}. A miss is reported, never fatal.
 *
 * @param name      readable goal, e.g. {@code ready <= 3000 ms}
 * @param service   component it applies to
 * @param metric    the {@link Metric#name()} it judges
 * @param statistic which statistic of that metric is judged ({@code max}: every run must meet the goal)
 * @param limit     the most the statistic may be
 * @param unit      unit of limit and actual
 * @param actual    the measured statistic
 * @param passed    {@code actual <= limit}
 */
@JsonPropertyOrder({ "name", "service", "metric", "statistic", "limit", "unit", "actual", "passed" })
public record Target(String name, String service, String metric, String statistic, double limit, String unit,
                     double actual, boolean passed) {

    /** Judges {@code metric}'s {@code statistic} against {@code limit} (in the metric's unit). */
    public static Target atMost(String name, Metric metric, String statistic, double limit) {
        double actual = metric.statistic(statistic);
        return new Target(name, metric.service(), metric.name(), statistic, limit, metric.unit(), actual,
                actual <= limit);
    }
}
