package cm.vigie.plan.exercise;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Writes to watch-service and accounts-service for exercises: with the caller's token (setup, deletion) or with
 * explicit headers (the service key, for injects). Throws {@link RemoteFailure} on anything but the expected status.
 */
@ApplicationScoped
public class ExerciseHttp {

    /** A call that failed: unreachable, timed out, or answered an unexpected status. */
    public static class RemoteFailure extends Exception {
        private final int status;

        public RemoteFailure(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final ExerciseSettings settings;

    ExerciseHttp(SecurityIdentity identity, ObjectMapper json, ExerciseSettings settings) {
        this.identity = identity;
        this.json = json;
        this.settings = settings;
    }

    /** With the caller's token. */
    public JsonNode asCaller(String method, String url, Object body, int... expected) throws RemoteFailure {
        TokenCredential token = identity.getCredential(TokenCredential.class);
        return send(method, url, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token.getToken()), expected);
    }

    public JsonNode send(String method, String url, Object body, Map<String, String> headers, int... expected) throws RemoteFailure {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                    .header("Accept", "application/json");
            headers.forEach(request::header);
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response.body() == null || response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
                }
            }
            org.jboss.logging.Logger.getLogger(ExerciseHttp.class).debugf("%s %s answered %d: %s", method, url, response.statusCode(), response.body());
            throw new RemoteFailure(method + " " + URI.create(url).getPath() + " answered " + response.statusCode(), response.statusCode());
        } catch (IOException e) {
            throw new RemoteFailure(method + " " + URI.create(url).getPath() + " failed: " + e.getMessage(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailure(method + " " + URI.create(url).getPath() + " interrupted", 0);
        }
    }
}
