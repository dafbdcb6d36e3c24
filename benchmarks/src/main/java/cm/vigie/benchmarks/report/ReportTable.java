package cm.vigie.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report as plain-text tables for the terminal: one row per metric, then one per target. */
public final class ReportTable {

    private ReportTable() {
    }

    public static String render(SuiteReport report) {
        StringBuilder text = new StringBuilder();
        Machine machine = report.machine();
        text.append("Suite ").append(report.suite()).append(", ").append(report.date()).append('\n');
        text.append("Machine: ").append(machine.cores()).append(" cores");
        if (machine.cpu() != null) {
            text.append(" (").append(machine.cpu()).append(')');
        }
        if (machine.memoryMiB() != null) {
            text.append(", ").append(machine.memoryMiB()).append(" MiB");
        }
        text.append(", ").append(machine.os()).append(", Java ").append(machine.java());
        Interference interference = report.interference();
        if (interference != null) {
            text.append("\nOther work on the processors: ")
                    .append(percent(interference.beforePercent())).append(" before the start, ")
                    .append(percent(interference.duringPercent())).append(" during the suite");
        }
        if (machine.loadAverage() != null) {
            text.append(String.format(Locale.ROOT, "; load average %.2f at start", machine.loadAverage()));
        }
        text.append("\n\n");

        List<List<String>> metricRows = new ArrayList<>();
        metricRows.add(List.of("service", "metric", "median", "max", "runs"));
        for (Metric metric : report.metrics()) {
            metricRows.add(List.of(metric.service(), metric.name(), format(metric.median(), metric.unit()),
                    format(metric.max(), metric.unit()),
                    runs(metric)));
        }
        text.append(table(metricRows, List.of(false, false, true, true, false)));

        if (!report.targets().isEmpty()) {
            text.append('\n');
            List<List<String>> targetRows = new ArrayList<>();
            targetRows.add(List.of("service", "target", "judged on", "actual", "result"));
            for (Target target : report.targets()) {
                targetRows.add(List.of(target.service(), target.name(), target.statistic() + " of " + target.metric(),
                        format(target.actual(), target.unit()), target.passed() ? "PASS" : "MISS"));
            }
            text.append(table(targetRows, List.of(false, false, false, true, false)));
            long missed = report.targets().stream().filter(t -> !t.passed()).count();
            text.append(missed == 0 ? "All " + report.targets().size() + " targets met.\n"
                    : missed + " of " + report.targets().size() + " targets missed.\n");
        }
        for (String note : report.notes()) {
            text.append("\nNote: ").append(note).append('\n');
        }
        if (report.failed()) {
            text.append("\nSUITE FAILED: ").append(report.failure()).append('\n');
        }
        return text.toString();
    }

    /** Up to {@value #LISTED_SAMPLES} samples are listed; beyond, only how many (the JSON has them all). */
    static final int LISTED_SAMPLES = 12;

    static String runs(Metric metric) {
        if (metric.samples().size() > LISTED_SAMPLES) {
            return metric.samples().size() + " samples";
        }
        return metric.samples().stream().map(s -> number(s, metric.unit())).collect(Collectors.joining(" / "));
    }

    private static String percent(Double value) {
        return value == null ? "unknown" : String.format(Locale.ROOT, "%.0f%%", value);
    }

    /** A value with its unit, e.g. {@code 2841 ms}, {@code 212.4 MiB}. */
    static String format(double value, String unit) {
        return number(value, unit) + " " + unit;
    }

    static String number(double value, String unit) {
        return switch (unit) {
            case "ms", "count", "req/s" -> String.format(Locale.ROOT, "%.0f", value);
            default -> String.format(Locale.ROOT, "%.1f", value);
        };
    }

    static String table(List<List<String>> rows, List<Boolean> rightAligned) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(rightAligned.get(c) ? pad + cell : cell + pad);
                if (c < columns - 1) {
                    line.append("  ");
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = 0;
                for (int width : widths) {
                    total += width;
                }
                text.append("-".repeat(total + 2 * (columns - 1))).append('\n');
            }
        }
        return text.toString();
    }
}
