package cm.vigie.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Password-grant tokens from the local Keycloak, through the demo realms' public client. */
public final class KeycloakTokens {

    public static final String CLIENT_ID = "vigie-console";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String keycloakUrl;

    public KeycloakTokens(HttpClient http, String keycloakUrl) {
        this.http = http;
        this.keycloakUrl = keycloakUrl;
    }

    /** An access token for {@code username} in {@code realm}; throws with Keycloak's answer when refused. */
    public String passwordGrant(String realm, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", CLIENT_ID);
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", password);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StackException("Keycloak refused a token for " + username + " in realm " + realm
                        + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            // A refused connection is a ConnectException without a message: name the exception instead of "null".
            throw new StackException("Could not reach Keycloak at " + uri + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while getting a token", e);
        }
    }

    /** The claims of a JWT, decoded without checking its signature (the caller just got it from Keycloak). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable JWT payload", e);
        }
    }
}
