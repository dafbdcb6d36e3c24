package cm.vigie.commons.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemResponses;
import cm.vigie.commons.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * A declared body over {@code quarkus.http.limits.max-body-size} gets a 413 problem+json in the caller's language,
 * before Quarkus' own limit would answer a bare 413. The body is not read; the connection is closed after the answer.
 */
@ApplicationScoped
public class BodyLimit {

    private final Optional<MemorySize> limit;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            HttpServerRequest request = context.request();
            if (tooLarge(request.getHeader(HttpHeaders.CONTENT_LENGTH), max)) {
                Locale locale = Messages.choose(acceptable(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
                Problem problem = ProblemResponses.problem(ProblemType.PAYLOAD_TOO_LARGE, locale, request.path(), List.of(),
                        "problem.payload-too-large.detail");
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE).end(Json.encodeToBuffer(problem));
            } else {
                context.next();
            }
        });
    }

    static boolean tooLarge(String contentLength, long max) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.strip()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static List<Locale> acceptable(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header).stream().filter(range -> !range.getRange().equals("*"))
                    .map(range -> Locale.forLanguageTag(range.getRange())).toList();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}
