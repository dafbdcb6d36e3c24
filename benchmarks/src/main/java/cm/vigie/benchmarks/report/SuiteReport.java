package cm.vigie.benchmarks.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one suite run measured; written as {@code benchmarks/results/<suite>.json}.
 *
 * @param suite   suite name
 * @param date    when the run started, ISO-8601 UTC
 * @param machine what it ran on
 * @param status  {@code completed}, or {@code failed} when the suite could not finish (then {@code failure} says
 *                why and the metrics are those measured until then); a missed target is not a failure
 * @param failure why the suite failed, or null
 * @param metrics the measurements
 * @param targets the goals and whether they were met
 * @param notes   what a reader of the figures should know (a busy machine, a work-around); left out when none
 * @param interference how much other work shared the processors; null until the runner measured it
 */
@JsonPropertyOrder({ "suite", "date", "machine", "interference", "status", "failure", "metrics", "targets", "notes" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuiteReport(String suite, String date, Machine machine, String status, String failure,
                          List<Metric> metrics, List<Target> targets,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes,
                          Interference interference) {

    /** Without interference figures (the runner adds them). */
    public SuiteReport(String suite, String date, Machine machine, String status, String failure,
                       List<Metric> metrics, List<Target> targets, List<String> notes) {
        this(suite, date, machine, status, failure, metrics, targets, notes, null);
    }

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public SuiteReport {
        metrics = List.copyOf(metrics);
        targets = List.copyOf(targets);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static String isoDate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** This report with the interference measured around it, and its notes. */
    public SuiteReport with(Interference measured, List<String> allNotes) {
        return new SuiteReport(suite, date, machine, status, failure, metrics, targets, allNotes, measured);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }
}
