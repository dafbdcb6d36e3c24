package cm.vigie.commons.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import cm.vigie.commons.problem.Problem;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Clients generated from Vigie's OpenAPI documents (openapi-generator) send {@code Accept: application/problem+json}
 * alone on operations whose success has no body (a 204 DELETE): the only media type such an operation declares is
 * its errors'. JAX-RS would refuse them with 406 before the call runs on resources that produce JSON, so a request
 * that accepts only problems also accepts JSON, with a lower preference.
 */
@ApplicationScoped
public class ProblemOnlyAccept {

    static final String ALSO_JSON = ", application/json;q=0.5";

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(context -> {
            String accept = context.request().getHeader(HttpHeaders.ACCEPT);
            if (acceptsOnlyProblems(accept)) {
                context.request().headers().set(HttpHeaders.ACCEPT, accept + ALSO_JSON);
            }
            context.next();
        });
    }

    static boolean acceptsOnlyProblems(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        for (String range : accept.split(",")) {
            if (!range.split(";", 2)[0].strip().equalsIgnoreCase(Problem.MEDIA_TYPE)) {
                return false;
            }
        }
        return true;
    }
}
