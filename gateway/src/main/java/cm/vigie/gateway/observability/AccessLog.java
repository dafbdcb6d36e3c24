package cm.vigie.gateway.observability;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * One JSON line per proxied request on the {@code vigie.gateway.access} category. It carries no header and no query
 * string, so never a token; the secret of a calendar link, which is a path segment, is masked.
 *
 * <p>The line is written by hand into one builder (no JSON tree, no regular expression unless the path is a calendar
 * link): this runs on the event loop for every request.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("vigie.gateway.access");
    private static final String CALENDAR_FEEDS = "/api/plans/calendar/feeds/";
    /** Paths whose last segment is a credential (plan-service's calendar links). */
    private static final Pattern SECRET_SEGMENT = Pattern.compile("^(/api/plans/calendar/feeds/)[^/]+(\\.ics)$");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public void record(RequestRecord r) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(r));
        }
    }

    public static String line(RequestRecord r) {
        StringBuilder line = new StringBuilder(192);
        line.append("{\"requestId\":");
        string(line, r.requestId());
        line.append(",\"method\":");
        string(line, r.method());
        line.append(",\"path\":");
        string(line, masked(r.path()));
        line.append(",\"route\":");
        string(line, r.route());
        line.append(",\"service\":");
        string(line, r.service());
        line.append(",\"institution\":");
        string(line, r.institution());
        line.append(",\"status\":").append(r.status());
        long hundredths = Math.max(0, Math.round(r.durationNanos() / 10_000.0));
        line.append(",\"durationMs\":").append(hundredths / 100).append('.');
        long cents = hundredths % 100;
        if (cents < 10) {
            line.append('0');
        }
        return line.append(cents).append('}').toString();
    }

    static String masked(String path) {
        if (path == null || !path.startsWith(CALENDAR_FEEDS)) {
            return path;
        }
        return SECRET_SEGMENT.matcher(path).replaceFirst("$1***$2");
    }

    /** A JSON string (RFC 8259: quote, backslash and control characters escaped), or {@code null}. */
    static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
