package cm.vigie.benchmarks.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How much other work shared the processors with the suite, in percent of all processors; null when unknown.
 *
 * @param beforePercent during the second before the suite started
 * @param duringPercent over the whole suite (everything but the suite's own processes)
 */
@JsonPropertyOrder({ "beforePercent", "duringPercent" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Interference(Double beforePercent, Double duringPercent) {

    /** Above this, the figures get a note: they are probably inflated. */
    public static final double NOTE_ABOVE_PERCENT = 10;
}
