package cm.vigie.plan.remote;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * GETs JSON from another Vigie service with the caller's own token (so that service applies the caller's
 * institution and roles), behind a timeout. Never throws for a remote failure: answers {@link Lookup.Unavailable}.
 */
@ApplicationScoped
public class RemoteJson {

    private static final Logger LOG = Logger.getLogger(RemoteJson.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    RemoteJson(SecurityIdentity identity, ObjectMapper json) {
        this.identity = identity;
        this.json = json;
    }

    public Lookup<JsonNode> get(String service, String baseUrl, String path, Map<String, String> query, Duration timeout) {
        String url = stripSlash(baseUrl) + path + (query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json").GET();
        TokenCredential token = identity.getCredential(TokenCredential.class);
        if (token != null) {
            request.header("Authorization", "Bearer " + token.getToken());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return new Lookup.Found<>(json.readTree(response.body()));
            }
            if (status == 404) {
                return new Lookup.Missing<>();
            }
            LOG.warnf("%s answered %d to GET %s", service, status, path);
            return new Lookup.Unavailable<>(service + " answered " + status);
        } catch (HttpTimeoutException e) {
            LOG.warnf("%s did not answer GET %s within %s", service, path, timeout);
            return new Lookup.Unavailable<>(service + " did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            LOG.warnf("%s unreachable for GET %s: %s", service, path, e.toString());
            return new Lookup.Unavailable<>(service + " is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Lookup.Unavailable<>(service + " call interrupted");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
