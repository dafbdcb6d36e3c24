package cm.vigie.accounts.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The few calls of the Keycloak Admin REST API that Vigie needs, over the JDK HTTP client. Package-private: the rest of
 * the service goes through {@link KeycloakRealms}.
 */
@ApplicationScoped
class KeycloakAdminClient {

    private final KeycloakAdminConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private volatile String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    KeycloakAdminClient(KeycloakAdminConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POST /admin/realms: imports a whole realm (roles, clients, users) in one call, which Keycloak applies or not at all. */
    void createRealm(ObjectNode realm) {
        HttpResponse<String> response = send(admin("/admin/realms").POST(body(realm)), true);
        switch (response.statusCode()) {
            case 201 -> { }
            case 409 -> throw new KeycloakAdminException(KeycloakAdminException.Reason.REALM_EXISTS,
                    "Realm " + realm.path("realm").asText() + " exists");
            default -> throw failed("create realm " + realm.path("realm").asText(), response);
        }
    }

    Optional<JsonNode> realm(String name) {
        HttpResponse<String> response = send(admin("/admin/realms/" + encode(name)).GET(), true);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw failed("read realm " + name, response);
        }
        try {
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            throw new KeycloakAdminException(KeycloakAdminException.Reason.FAILED, "Unreadable realm " + name, e);
        }
    }

    /** PUT /admin/realms/{realm} with only {@code enabled}: Keycloak leaves every other setting as it is. */
    void setEnabled(String name, boolean enabled) {
        ObjectNode change = json.createObjectNode().put("realm", name).put("enabled", enabled);
        HttpResponse<String> response = send(admin("/admin/realms/" + encode(name)).PUT(body(change)), true);
        if (response.statusCode() == 404) {
            throw new KeycloakAdminException(KeycloakAdminException.Reason.REALM_MISSING, "Realm " + name + " is missing");
        }
        if (response.statusCode() != 204) {
            throw failed((enabled ? "enable" : "disable") + " realm " + name, response);
        }
    }

    void deleteRealm(String name) {
        HttpResponse<String> response = send(admin("/admin/realms/" + encode(name)).DELETE(), true);
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw failed("delete realm " + name, response);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean retryOnUnauthorized) {
        HttpResponse<String> response = exchange(request.copy().header("Authorization", "Bearer " + token()).build());
        if (response.statusCode() == 401 && retryOnUnauthorized) {
            // the cached token was revoked or Keycloak restarted: get a new one, once
            tokenExpires = Instant.EPOCH;
            return send(request, false);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new KeycloakAdminException(KeycloakAdminException.Reason.UNAVAILABLE,
                    "Keycloak refused the admin credentials of accounts-service (HTTP " + response.statusCode() + ")");
        }
        return response;
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", config.clientId());
        if (config.clientSecret().isPresent()) {
            form.put("grant_type", "client_credentials");
            form.put("client_secret", config.clientSecret().get());
        } else {
            form.put("grant_type", "password");
            form.put("username", config.username().orElseThrow(() -> new KeycloakAdminException(
                    KeycloakAdminException.Reason.UNAVAILABLE,
                    "No Keycloak admin credentials configured (vigie.keycloak-admin.client-secret or username/password)")));
            form.put("password", config.password().orElse(""));
        }
        String encoded = form.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri("/realms/" + encode(config.realm()) + "/protocol/openid-connect/token"))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != 200) {
            throw new KeycloakAdminException(KeycloakAdminException.Reason.UNAVAILABLE,
                    "Keycloak refused an admin token to accounts-service (HTTP " + response.statusCode() + ")");
        }
        try {
            JsonNode answer = json.readTree(response.body());
            token = answer.path("access_token").asText();
            // renew a little before it expires, so that a call never starts with a token about to lapse
            tokenExpires = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 15));
            return token;
        } catch (IOException e) {
            throw new KeycloakAdminException(KeycloakAdminException.Reason.UNAVAILABLE, "Unreadable admin token answer", e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeycloakAdminException(KeycloakAdminException.Reason.UNAVAILABLE,
                    "Keycloak unreachable at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakAdminException(KeycloakAdminException.Reason.UNAVAILABLE, "Interrupted", e);
        }
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(config.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json");
    }

    private HttpRequest.BodyPublisher body(JsonNode node) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        String base = config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1) : config.url();
        return URI.create(base + path);
    }

    private static KeycloakAdminException failed(String what, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return new KeycloakAdminException(KeycloakAdminException.Reason.FAILED, "Keycloak could not " + what + ": HTTP "
                + response.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
