package cm.vigie.watch.analytics;

import java.time.temporal.ChronoUnit;

/** Bucket size of a series. */
public enum Interval {
    HOUR(ChronoUnit.HOURS, "hour"), DAY(ChronoUnit.DAYS, "day");

    final ChronoUnit unit;
    final String sqlField;

    Interval(ChronoUnit unit, String sqlField) {
        this.unit = unit;
        this.sqlField = sqlField;
    }

    /** HOUR or DAY in any case, null when absent; anything else is a 400 naming the parameter. */
    static Interval parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (Interval interval : values()) {
            if (interval.name().equalsIgnoreCase(value.strip())) {
                return interval;
            }
        }
        throw cm.vigie.commons.problem.ProblemException.invalid("interval", "analytics.interval.invalid");
    }
}
