package cm.vigie.commons.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every answer of every Vigie server (the services and the gateway, which both carry commons):
 * {@code X-Content-Type-Options: nosniff}, no {@code Server} header, and {@code Strict-Transport-Security} when the
 * request came over TLS (directly, or through a proxy that Quarkus trusts with {@code quarkus.http.proxy.*}).
 *
 * <p>The headers are set just before the status line is written, so they also reach error answers, OpenAPI and
 * Swagger UI, and answers the gateway relays (where an upstream's copy is replaced, never doubled).
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String NOSNIFF = "nosniff";

    private final SecurityHeadersConfig config;

    SecurityHeaders(SecurityHeadersConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        String hsts = hstsValue(config);
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(context -> {
            context.addHeadersEndHandler(ignored -> apply(context.response().headers(), secure(context), hsts));
            context.next();
        });
    }

    private static boolean secure(RoutingContext context) {
        return context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme());
    }

    /** Sets the headers on an answer about to be sent; HSTS only over TLS. */
    static void apply(MultiMap headers, boolean secure, String hsts) {
        headers.set("X-Content-Type-Options", NOSNIFF);
        headers.remove("Server");
        if (secure && hsts != null) {
            headers.set("Strict-Transport-Security", hsts);
        } else {
            headers.remove("Strict-Transport-Security");
        }
    }

    static String hstsValue(SecurityHeadersConfig config) {
        if (!config.hsts().enabled()) {
            return null;
        }
        return "max-age=" + config.hsts().maxAge().toSeconds()
                + (config.hsts().includeSubdomains() ? "; includeSubDomains" : "");
    }
}
