package cm.vigie.plan.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar (RFC 5545) document: CRLF line ends, lines folded at 75 octets without splitting a UTF-8
 * character, TEXT values escaped.
 */
public final class IcsWriter {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final StringBuilder out = new StringBuilder();

    public IcsWriter begin(String component) {
        return line("BEGIN:" + component);
    }

    public IcsWriter end(String component) {
        return line("END:" + component);
    }

    /** A property whose value is already in iCalendar form (dates, enumerations, URIs). */
    public IcsWriter raw(String name, String value) {
        return line(name + ":" + value);
    }

    public IcsWriter text(String name, String value) {
        return value == null || value.isBlank() ? this : line(name + ":" + escape(value));
    }

    public IcsWriter instant(String name, Instant value) {
        return line(name + ":" + UTC.format(value));
    }

    public IcsWriter date(String name, LocalDate value) {
        return line(name + ";VALUE=DATE:" + DATE.format(value));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    private IcsWriter line(String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length();) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
        return this;
    }
}
