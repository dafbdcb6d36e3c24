package cm.vigie.gateway.observability;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.core.json.JsonObject;

/**
 * One JSON line per proxied request on the {@code vigie.gateway.access} category. It carries no header and no query
 * string, so never a token; the secret of a calendar link, which is a path segment, is masked.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("vigie.gateway.access");
    /** Paths whose last segment is a credential (plan-service's calendar links). */
    private static final Pattern SECRET_SEGMENT = Pattern.compile("^(/api/plans/calendar/feeds/)[^/]+(\\.ics)$");

    public void record(RequestRecord r) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(r));
        }
    }

    public static String line(RequestRecord r) {
        JsonObject line = new JsonObject()
                .put("requestId", r.requestId())
                .put("method", r.method())
                .put("path", masked(r.path()))
                .put("route", r.route())
                .put("service", r.service())
                .put("institution", r.institution())
                .put("status", r.status())
                .put("durationMs", Math.round(r.durationNanos() / 10_000.0) / 100.0);
        return line.encode();
    }

    static String masked(String path) {
        return path == null ? null : SECRET_SEGMENT.matcher(path).replaceFirst("$1***$2");
    }
}
