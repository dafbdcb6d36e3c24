package cm.vigie.benchmarks.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One measured quantity of one component over the repeated runs of a suite.
 *
 * @param name    what is measured, e.g. {@code ready-after-jvm-start}
 * @param service the component measured, e.g. {@code accounts-service}
 * @param unit    {@code ms}, {@code MiB}, {@code req/s}, {@code count}
 * @param samples one value per run, in run order, rounded to one decimal
 * @param median  median of the samples
 * @param max     largest sample
 */
@JsonPropertyOrder({ "name", "service", "unit", "median", "max", "samples" })
public record Metric(String name, String service, String unit, List<Double> samples, double median, double max) {

    public Metric {
        samples = List.copyOf(samples);
    }

    public static Metric of(String name, String service, String unit, List<Double> samples) {
        List<Double> rounded = samples.stream().map(Metric::round).toList();
        return new Metric(name, service, unit, rounded, round(Stats.median(rounded)), Stats.max(rounded));
    }

    /** One decimal: far below what these measurements can tell apart, and readable in the JSON. */
    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** The value of one statistic by name: {@code median} or {@code max}. */
    public double statistic(String statistic) {
        return switch (statistic) {
            case "median" -> median;
            case "max" -> max;
            default -> throw new IllegalArgumentException("unknown statistic " + statistic);
        };
    }
}
