package cm.vigie.devstack.e2e.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.devstack.Stack;
import cm.vigie.devstack.StackException;
import cm.vigie.devstack.e2e.EndToEndStack;

/**
 * Members on the real stack, through the gateway, against the real Keycloak: minsante's admin invites an approver,
 * changes roles with If-Match, cannot demote themselves (the last admin), disables, re-enables and resets the
 * member. Whether a secret is the member's current password is asked of Keycloak itself: a password grant with the
 * right temporary password answers "Account is not fully set up", a wrong one "Invalid user credentials". The browser
 * activation with TOTP is TeamActivationBrowserIT's.
 */
class MembersEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String MEMBERS = "/api/institutions/me/members";

    private static EndToEndStack running;
    private static Stack stack;

    @BeforeAll
    static void bootTheStack() {
        running = EndToEndStack.start("members");
        stack = running.stack();
    }

    @AfterAll
    static void closeTheStack() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void minsantesAdminManagesAnApproverFromInvitationToReset() throws Exception {
        String admin = stack.tokens().passwordGrant("minsante", "admin", "demo");
        String email = "approver-" + UUID.randomUUID().toString().substring(0, 8) + "@minsante.cm";

        HttpResponse<String> invited = call("POST", MEMBERS, admin, null, """
                {"email":"%s","firstName":"Awa","lastName":"Bello","roles":["approver"],"locale":"fr"}""".formatted(email));
        assertEquals(201, invited.statusCode(), invited.body());
        assertEquals("\"1\"", invited.headers().firstValue("ETag").orElse(""));
        String id = json(invited).path("member").path("id").asText();
        String secret = json(invited).path("activationSecret").asText();
        assertTrue(secret.matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}"), secret);
        assertEquals(List.of("UPDATE_PASSWORD"), texts(json(invited).path("member").path("requiredActions")));
        assertSecretIsCurrent(email, secret);

        JsonNode listed = member(admin, email);
        assertEquals("INVITED", listed.path("status").asText());
        assertEquals(List.of("approver"), texts(listed.path("roles")));
        // a viewer sees the name and roles, not the e-mail address
        JsonNode seenByViewer = find(json(call("GET", MEMBERS + "?size=100", stack.tokens().passwordGrant("minsante", "viewer", "demo"), null, null)), id);
        assertEquals("Bello", seenByViewer.path("lastName").asText());
        assertFalse(seenByViewer.has("email"), seenByViewer.toString());

        HttpResponse<String> stale = call("PUT", MEMBERS + "/" + id + "/roles", admin, "\"0\"", "{\"roles\":[\"analyst\"]}");
        assertEquals(412, stale.statusCode(), stale.body());
        HttpResponse<String> changed = call("PUT", MEMBERS + "/" + id + "/roles", admin, "\"1\"",
                "{\"roles\":[\"approver\",\"analyst\"]}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("\"2\"", changed.headers().firstValue("ETag").orElse(""));
        assertEquals(List.of("analyst", "approver"), texts(json(changed).path("roles")));

        String adminId = member(admin, "admin").path("id").asText();
        HttpResponse<String> adminRead = call("GET", MEMBERS + "/" + adminId, admin, null, null);
        HttpResponse<String> demoted = call("PUT", MEMBERS + "/" + adminId + "/roles", admin,
                adminRead.headers().firstValue("ETag").orElseThrow(), "{\"roles\":[\"viewer\"]}");
        assertEquals(409, demoted.statusCode(), demoted.body());
        assertTrue(json(demoted).path("detail").asText().contains("admin"), demoted.body());

        HttpResponse<String> disabled = call("POST", MEMBERS + "/" + id + "/disable", admin, null, "{\"reason\":\"Mission ended\"}");
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertTrue(json(disabled).path("pagesToHandOver").isArray(), disabled.body());
        assertEquals("DISABLED", member(admin, email).path("status").asText());
        HttpResponse<String> enabled = call("POST", MEMBERS + "/" + id + "/enable", admin, null, null);
        assertEquals(200, enabled.statusCode(), enabled.body());
        assertEquals("INVITED", member(admin, email).path("status").asText());

        HttpResponse<String> reset = call("POST", MEMBERS + "/" + id + "/reset-credentials", admin, null, null);
        assertEquals(200, reset.statusCode(), reset.body());
        String newSecret = json(reset).path("activationSecret").asText();
        assertNotEquals(secret, newSecret);
        assertSecretIsCurrent(email, newSecret);
        StackException old = assertThrows(StackException.class, () -> stack.tokens().passwordGrant("minsante", email, secret));
        assertTrue(old.getMessage().contains("Invalid user credentials"), old.getMessage());

        HttpResponse<String> history = call("GET", MEMBERS + "/" + id + "/history", admin, null, null);
        assertEquals(200, history.statusCode(), history.body());
        List<String> actions = new ArrayList<>();
        json(history).path("items").forEach(item -> {
            actions.add(item.path("action").asText());
            assertEquals("admin", item.path("actor").asText());
        });
        assertEquals(List.of("MEMBER_INVITED", "MEMBER_ROLES_CHANGED", "MEMBER_DISABLED", "MEMBER_ENABLED",
                "MEMBER_CREDENTIALS_RESET"), actions);
        assertFalse(history.body().contains(secret) || history.body().contains(newSecret), "no secret in the history");

        HttpResponse<String> removed = call("DELETE", MEMBERS + "/" + id, admin, null, null);
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals(404, call("GET", MEMBERS + "/" + id, admin, null, null).statusCode());
    }

    /** Keycloak accepts the password and only asks for the required actions, which a password grant cannot do. */
    private static void assertSecretIsCurrent(String username, String secret) {
        StackException pending = assertThrows(StackException.class,
                () -> stack.tokens().passwordGrant("minsante", username, secret));
        assertTrue(pending.getMessage().contains("Account is not fully set up"), pending.getMessage());
    }

    private static JsonNode member(String token, String username) {
        JsonNode page = json(call("GET", MEMBERS + "?size=100", token, null, null));
        for (JsonNode item : page.path("items")) {
            if (item.path("username").asText().equals(username)) {
                return item;
            }
        }
        throw new AssertionError(username + " not listed: " + page);
    }

    private static JsonNode find(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not listed: " + page);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static HttpResponse<String> call(String method, String path, String token, String ifMatch, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + response.body(), e);
        }
    }
}
