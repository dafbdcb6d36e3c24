package cm.vigie.gateway.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemResponses;
import cm.vigie.commons.problem.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;

/**
 * RFC 9457 problems written by the gateway itself (no route, no token, too large, too many, upstream down or slow),
 * with the shared problem types and messages of commons, in the caller's language. Problems that come from a
 * service pass through untouched.
 */
public final class Problems {

    private Problems() {
    }

    /** English or French, from {@code Accept-Language}. */
    public static Locale locale(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return Messages.ENGLISH;
        }
        try {
            List<Locale> locales = new ArrayList<>();
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (!range.getRange().equals("*")) {
                    locales.add(Locale.forLanguageTag(range.getRange()));
                }
            }
            return Messages.choose(locales);
        } catch (IllegalArgumentException malformed) {
            return Messages.ENGLISH;
        }
    }

    public static Buffer body(HttpServerRequest request, ProblemType type, String detailKey, Object... args) {
        Problem problem = ProblemResponses.problem(type, locale(request), request.path(), List.of(), detailKey, args);
        return Json.encodeToBuffer(problem);
    }

    /**
     * Answers with a problem. An unread request body is drained so that the connection can serve the next request.
     * Extra headers (e.g. {@code Retry-After}) are set by the caller on the response before.
     */
    public static Future<Void> send(HttpServerRequest request, ProblemType type, String detailKey, Object... args) {
        HttpServerResponse response = request.response();
        if (response.headWritten() || response.ended()) {
            return Future.succeededFuture();
        }
        if (!request.isEnded()) {
            request.handler(null);
            request.resume();
        }
        return response.setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body(request, type, detailKey, args));
    }
}
