package cm.vigie.devstack.e2e.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.devstack.Stack;

/**
 * Plain HTTP against the stack, keeping every answer body for the leak scan. A 429 from the gateway's rate limit is
 * waited out and retried (it is the gateway doing its job, not the outcome under test).
 */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEM = "application/problem+json";

    /** One answer. */
    public record Reply(String method, String url, int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(method + " " + url + " answered " + status + " with non-JSON: " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public boolean isProblem() {
            return contentType().startsWith(PROBLEM);
        }

        @Override
        public String toString() {
            return method + " " + url + " -> " + status + " " + (body.length() > 400 ? body.substring(0, 400) + "..." : body);
        }
    }

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();
    private final List<String> retired = Collections.synchronizedList(new ArrayList<>());
    /** Every answer seen, for {@link Leaks}. */
    final List<Reply> corpus = Collections.synchronizedList(new ArrayList<>());

    public Api(Stack stack) {
        this.stack = stack;
    }

    Stack stack() {
        return stack;
    }

    /** A password-grant token of a demo user (password {@code demo}), renewed before Keycloak's 5-minute lifespan. */
    public String token(String realm, String user) {
        String key = realm + "/" + user;
        String[] cached = tokens.get(key);
        long now = System.currentTimeMillis();
        if (cached == null || now - Long.parseLong(cached[1]) > 150_000) {
            if (cached != null) {
                retired.add(cached[0]);
            }
            cached = new String[] { stack.tokens().passwordGrant(realm, user, "demo"), Long.toString(now) };
            tokens.put(key, cached);
        }
        return cached[0];
    }

    /** Every Keycloak token handed out to the suite so far. */
    List<String> issuedTokens() {
        List<String> all = new ArrayList<>(retired);
        tokens.values().forEach(t -> all.add(t[0]));
        return all;
    }

    public Reply call(String base, String method, String path, String token, String json) {
        return send(base, method, path, token, json == null ? null : HttpRequest.BodyPublishers.ofString(json),
                json == null ? null : "application/json", Map.of());
    }

    Reply send(String base, String method, String path, String token, HttpRequest.BodyPublisher body,
            String contentType, Map<String, String> headers) {
        return send(base, method, path, token, body, contentType, headers, false);
    }

    /** With {@code expectContinue}, a server may refuse the body (413) before it is sent. */
    Reply send(String base, String method, String path, String token, HttpRequest.BodyPublisher body,
            String contentType, Map<String, String> headers, boolean expectContinue) {
        String url = base + path;
        for (int attempt = 0;; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .expectContinue(expectContinue)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError(method + " " + url + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            Reply reply = new Reply(method, url, response.statusCode(), response.headers(), response.body());
            if (reply.status() == 429 && attempt < 30) {
                sleep(1000L * Math.max(1, response.headers().firstValueAsLong("Retry-After").orElse(1)));
                continue;
            }
            corpus.add(reply);
            return reply;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
