package cm.vigie.benchmarks.realms;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cm.vigie.benchmarks.faults.Http;
import cm.vigie.devstack.KeycloakNode;
import cm.vigie.devstack.KeycloakTokens;

/**
 * What the realms suite asks of Keycloak's admin API (master realm, bootstrap admin) so that a user of a realm
 * onboarded by Vigie can sign in by password grant: the first admin's temporary password made permanent and the
 * console client allowed the direct grant. Onboarded realms allow neither (browser sign-in only); the benchmark
 * changes them only to take tokens without a browser.
 */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Master tokens live 60 s; a fresh one every 30 s. */
    private static final long TOKEN_REUSE_NANOS = Duration.ofSeconds(30).toNanos();

    private final HttpClient http;
    private final String keycloakUrl;
    private String bearer;
    private long fetchedAt;

    KeycloakAdmin(HttpClient http, String keycloakUrl) {
        this.http = http;
        this.keycloakUrl = keycloakUrl;
    }

    /** Lets {@code username} of {@code realm} sign in with {@code password} through the console client by password grant. */
    void allowPasswordGrant(String realm, String username, String password) {
        String admin = keycloakUrl + "/admin/realms/" + realm;
        JsonNode clients = json(call("GET", admin + "/clients?clientId=" + KeycloakTokens.CLIENT_ID, null, 200));
        if (clients.size() != 1) {
            throw new IllegalStateException("realm " + realm + " has no client " + KeycloakTokens.CLIENT_ID);
        }
        ObjectNode client = (ObjectNode) clients.get(0);
        client.put("directAccessGrantsEnabled", true);
        call("PUT", admin + "/clients/" + client.path("id").asText(), client.toString(), 204);

        JsonNode users = json(call("GET", admin + "/users?exact=true&username=" + URLEncoder.encode(username,
                StandardCharsets.UTF_8), null, 200));
        if (users.size() != 1) {
            throw new IllegalStateException("realm " + realm + " has no user " + username);
        }
        String userId = users.get(0).path("id").asText();
        ObjectNode credential = JSON.createObjectNode().put("type", "password").put("value", password).put("temporary", false);
        // a permanent password also clears the UPDATE_PASSWORD required action
        call("PUT", admin + "/users/" + userId + "/reset-password", credential.toString(), 204);
    }

    /** Lifts a brute-force lockout of the user (Keycloak's attack detection), whatever caused it. */
    void liftLockout(String realm, String username) {
        String admin = keycloakUrl + "/admin/realms/" + realm;
        JsonNode users = json(call("GET", admin + "/users?exact=true&username=" + URLEncoder.encode(username,
                StandardCharsets.UTF_8), null, 200));
        if (users.size() == 1) {
            call("DELETE", admin + "/attack-detection/brute-force/users/" + users.get(0).path("id").asText(), null, 204);
        }
    }

    /** How many realms Keycloak holds, master included. */
    int realmCount() {
        return json(call("GET", keycloakUrl + "/admin/realms?briefRepresentation=true", null, 200)).size();
    }

    /** Removes a realm (an orphan that onboarding left behind). */
    void removeRealm(String realm) {
        call("DELETE", keycloakUrl + "/admin/realms/" + realm, null, 204);
    }

    /** Fails unless Keycloak holds the realm. */
    void requireRealm(String realm) {
        call("GET", keycloakUrl + "/admin/realms/" + realm, null, 200);
    }

    private String call(String method, String url, String body, int expected) {
        Http.Reply reply = Http.send(http, method, url, token(), body, null, TIMEOUT);
        if (reply.status() == 401) {
            bearer = null;
            reply = Http.send(http, method, url, token(), body, null, TIMEOUT);
        }
        if (reply.status() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    private String token() {
        if (bearer == null || System.nanoTime() - fetchedAt > TOKEN_REUSE_NANOS) {
            String form = "client_id=admin-cli&grant_type=password&username=" + KeycloakNode.ADMIN_USERNAME + "&password="
                    + KeycloakNode.ADMIN_PASSWORD;
            Http.Reply reply = sendForm(keycloakUrl + "/realms/master/protocol/openid-connect/token", form);
            if (reply.status() != 200) {
                throw new IllegalStateException("master admin token refused: " + reply.status() + " " + reply.body());
            }
            bearer = "Bearer " + json(reply.body()).path("access_token").asText();
            fetchedAt = System.nanoTime();
        }
        return bearer;
    }

    private Http.Reply sendForm(String url, String form) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build();
        long start = System.nanoTime();
        try {
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(response.statusCode(), "", response.body(), System.nanoTime() - start, null);
        } catch (java.io.IOException e) {
            return new Http.Reply(-1, "", String.valueOf(e.getMessage()), System.nanoTime() - start, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
