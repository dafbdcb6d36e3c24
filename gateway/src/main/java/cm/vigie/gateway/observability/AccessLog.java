package cm.vigie.gateway.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.core.json.JsonObject;

/**
 * One JSON line per proxied request on the {@code vigie.gateway.access} category. It carries no header and no query
 * string, so never a token.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("vigie.gateway.access");

    public void record(RequestRecord r) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(r));
        }
    }

    public static String line(RequestRecord r) {
        JsonObject line = new JsonObject()
                .put("requestId", r.requestId())
                .put("method", r.method())
                .put("path", r.path())
                .put("route", r.route())
                .put("service", r.service())
                .put("institution", r.institution())
                .put("status", r.status())
                .put("durationMs", Math.round(r.durationNanos() / 10_000.0) / 100.0);
        return line.encode();
    }
}
