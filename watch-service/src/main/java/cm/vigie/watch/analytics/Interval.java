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
}
