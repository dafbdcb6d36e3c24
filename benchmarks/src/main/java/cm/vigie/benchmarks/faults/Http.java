package cm.vigie.benchmarks.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One HTTP exchange as the fault and soak suites see it: a connection failure is an answer too (status -1). */
public final class Http {

    /**
     * @param status      the HTTP status, or -1 when no answer came (refused, reset, timed out)
     * @param contentType the Content-Type header, or empty
     * @param body        the body, or the failure's description when no answer came
     * @param nanos       time from sending to the whole answer (or the failure)
     */
    public record Reply(int status, String contentType, String body, long nanos, String etag) {

        public double millis() {
            return nanos / 1e6;
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    private Http() {
    }

    public static Reply send(HttpClient http, String method, String url, String bearer, String json, String idempotencyKey,
            Duration timeout) {
        return send(http, method, url, bearer, json, idempotencyKey, null, timeout);
    }

    public static Reply send(HttpClient http, String method, String url, String bearer, String json, String idempotencyKey,
            String ifMatch, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), System.nanoTime() - start, response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new Reply(-1, "", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    System.nanoTime() - start, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "", "interrupted", System.nanoTime() - start, null);
        }
    }
}
