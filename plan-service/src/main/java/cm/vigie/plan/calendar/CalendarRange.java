package cm.vigie.plan.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import cm.vigie.commons.problem.ProblemException;

/** A calendar window from {@code ?from=&to=}: ISO dates (whole UTC days) or instants; at most 366 days. */
public record CalendarRange(Instant from, Instant to) {

    static final Duration MAX = Duration.ofDays(366);

    public static CalendarRange parse(String from, String to) {
        Instant start = from == null || from.isBlank() ? LocalDate.now(ZoneOffset.UTC).minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant()
                : instant("from", from, false);
        Instant end = to == null || to.isBlank() ? start.plus(Duration.ofDays(120)) : instant("to", to, true);
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX) > 0) {
            throw ProblemException.invalid("to", "calendar.range");
        }
        return new CalendarRange(start, end);
    }

    public LocalDate firstDay() {
        return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }

    /** The last day the window touches. */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "calendar.date");
        }
    }
}
