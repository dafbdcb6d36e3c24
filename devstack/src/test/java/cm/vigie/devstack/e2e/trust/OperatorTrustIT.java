package cm.vigie.devstack.e2e.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.Stack;
import cm.vigie.devstack.e2e.EndToEndStack;
import cm.vigie.devstack.e2e.security.Api;
import cm.vigie.devstack.e2e.security.Api.Reply;
import cm.vigie.devstack.e2e.security.TokenForge;

/**
 * Issue 16, items 1-3, on the real stack (real Keycloak, the three services and the gateway): a {@code platform-admin}
 * role created in an institution realm gives nothing, a real token of Keycloak's {@code admin-cli} client is refused
 * everywhere, and reserved slugs create nothing. Writes {@code target/operator-trust.md}; see
 * docs/security-testing.md and docs/adr/0024-operator-rights-and-clients.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorTrustIT {

    private static final String INSTITUTION = "minsante";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EndToEndStack running;
    private static Stack stack;
    private static Api api;
    private static String keycloakAdmin;
    private static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void bootTheStack() throws Exception {
        running = EndToEndStack.start("operator-trust");
        stack = running.stack();
        api = new Api(stack);
        keycloakAdmin = new TokenForge(api).masterToken();
    }

    @AfterAll
    static void closeTheStack() throws IOException {
        try {
            Path target = EndToEndStack.target();
            Files.createDirectories(target);
            Files.writeString(target.resolve("operator-trust.md"), "| attack | where | answer |\n|---|---|---|\n"
                    + String.join("\n", report) + "\n");
            System.out.println("[operator-trust] report: " + target.resolve("operator-trust.md").toAbsolutePath());
        } finally {
            if (running != null) {
                running.close();
            }
        }
    }

    private static void record(String attack, Reply reply) {
        report.add("| " + attack + " | `" + reply.method() + " " + reply.url().replaceFirst("^http://[^/]+", "")
                + "` (" + where(reply.url()) + ") | " + reply.status() + " |");
    }

    private static String where(String url) {
        if (url.startsWith(stack.gatewayUrl())) {
            return "gateway";
        }
        for (ServiceModule service : List.of(ServiceModule.ACCOUNTS, ServiceModule.WATCH, ServiceModule.PLAN)) {
            if (url.startsWith(stack.serviceUrl(service))) {
                return service.name().toLowerCase() + "-service";
            }
        }
        return "keycloak";
    }

    private static Reply admin(String method, String path, String json) {
        return api.call(stack.keycloakUrl(), method, path, keycloakAdmin, json);
    }

    private static JsonNode claims(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String institutionId(String operator, String slug) {
        Reply list = api.call(stack.gatewayUrl(), "GET", "/api/institutions?size=100", operator, null);
        assertEquals(200, list.status(), list.toString());
        for (JsonNode item : list.json().path("items")) {
            if (slug.equals(item.path("slug").asText())) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError(slug + " is not registered: " + list);
    }

    // ------------------------------------------------------------------------ 1. operator rights from realm platform

    @Test
    @Order(1)
    void aPlatformAdminRoleMadeInAnInstitutionRealmGivesNoOperatorRight() throws Exception {
        // what any realm administrator of minsante can do: a realm role of that name, given to a plain viewer
        Reply created = admin("POST", "/admin/realms/" + INSTITUTION + "/roles", "{\"name\":\"platform-admin\"}");
        assertEquals(201, created.status(), created.toString());
        JsonNode role = admin("GET", "/admin/realms/" + INSTITUTION + "/roles/platform-admin", null).json();
        Reply users = admin("GET", "/admin/realms/" + INSTITUTION + "/users?exact=true&username=viewer", null);
        assertEquals(200, users.status(), users.toString());
        String viewerId = users.json().path(0).path("id").asText();
        Reply assigned = admin("POST", "/admin/realms/" + INSTITUTION + "/users/" + viewerId + "/role-mappings/realm",
                "[" + role + "]");
        assertEquals(204, assigned.status(), assigned.toString());

        String attacker = stack.tokens().passwordGrant(INSTITUTION, "viewer", "demo");
        JsonNode claims = claims(attacker);
        assertEquals("vigie-console", claims.path("azp").asText());
        Set<String> roles = new TreeSet<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        assertTrue(roles.contains("platform-admin"), "Keycloak really puts the role in the token: " + roles);

        String operator = api.token("platform", "operator");
        String mincom = institutionId(operator, "mincom");
        for (String base : List.of(stack.gatewayUrl(), stack.serviceUrl(ServiceModule.ACCOUNTS))) {
            Reply list = api.call(base, "GET", "/api/institutions", attacker, null);
            record("minsante viewer with a `platform-admin` role of realm minsante lists institutions", list);
            assertEquals(403, list.status(), list.toString());
            assertTrue(list.isProblem(), list.toString());
            Reply suspend = api.call(base, "POST", "/api/institutions/" + mincom + "/suspend", attacker,
                    "{\"reason\":\"operator-trust attack\"}");
            record("the same token suspends mincom", suspend);
            assertEquals(403, suspend.status(), suspend.toString());
            assertTrue(suspend.isProblem(), suspend.toString());
            Reply me = api.call(base, "GET", "/api/accounts/me", attacker, null);
            assertEquals(200, me.status(), me.toString());
            assertEquals(INSTITUTION, me.json().path("institution").asText(), me.toString());
            List<String> seen = new ArrayList<>();
            me.json().path("roles").forEach(r -> seen.add(r.asText()));
            assertFalse(seen.contains("platform-admin"), "the role is dropped: " + seen);
            assertTrue(seen.contains("viewer"), "the user stays minsante's viewer: " + seen);
            report.add("| the same token's `/api/accounts/me` | `GET /api/accounts/me` (" + where(me.url()) + ") | "
                    + me.status() + ", roles " + seen + " |");

            Reply operatorList = api.call(base, "GET", "/api/institutions", operator, null);
            record("control: platform/operator lists institutions", operatorList);
            assertEquals(200, operatorList.status(), operatorList.toString());
        }
        for (ServiceModule service : List.of(ServiceModule.WATCH, ServiceModule.PLAN)) {
            String me = service == ServiceModule.WATCH ? "/api/watch/me" : "/api/plans/me";
            Reply caller = api.call(stack.serviceUrl(service), "GET", me, attacker, null);
            assertEquals(200, caller.status(), caller.toString());
            assertFalse(caller.body().contains("platform-admin"), caller.toString());
        }
        Reply mincomNow = api.call(stack.gatewayUrl(), "GET", "/api/institutions/" + mincom, operator, null);
        assertEquals("ACTIVE", mincomNow.json().path("status").asText(), "mincom was not suspended: " + mincomNow);
    }

    // ------------------------------------------------------------------------ 2. only Vigie's clients

    @Test
    @Order(2)
    void aRealAdminCliTokenOfAnInstitutionUserIsRefusedByTheGatewayAndEveryService() throws Exception {
        String form = "client_id=admin-cli&grant_type=password&username=cm&password=demo";
        Reply granted = api.send(stack.keycloakUrl(), "POST", "/realms/" + INSTITUTION + "/protocol/openid-connect/token",
                null, HttpRequest.BodyPublishers.ofString(form), "application/x-www-form-urlencoded", Map.of());
        assertEquals(200, granted.status(), "Keycloak hands out admin-cli tokens in every realm: " + granted);
        String adminCli = granted.json().path("access_token").asText();
        assertEquals("admin-cli", claims(adminCli).path("azp").asText());
        String console = api.token(INSTITUTION, "cm");

        List<String[]> targets = List.of(
                new String[] { stack.gatewayUrl(), "/api/accounts/official" },
                new String[] { stack.gatewayUrl(), "/api/watch/me" },
                new String[] { stack.gatewayUrl(), "/api/plans/me" },
                new String[] { stack.serviceUrl(ServiceModule.ACCOUNTS), "/api/accounts/official" },
                new String[] { stack.serviceUrl(ServiceModule.WATCH), "/api/watch/me" },
                new String[] { stack.serviceUrl(ServiceModule.PLAN), "/api/plans/me" });
        for (String[] target : targets) {
            String base = target[0];
            Reply refused = api.call(base, "GET", target[1], adminCli, null);
            record("minsante cm's real `admin-cli` password-grant token", refused);
            assertEquals(401, refused.status(), refused.toString());
            assertTrue(refused.isProblem(), refused.toString());
            assertEquals("https://vigie.cm/problems/unauthenticated", refused.json().path("type").asText());
            Reply accepted = api.call(base, "GET", target[1], console, null);
            assertEquals(200, accepted.status(), "control, the same user through vigie-console: " + accepted);
        }
        report.add("| control: the same user's `vigie-console` token on the same six calls | gateway and services | 200 |");
    }

    // ------------------------------------------------------------------------ 3. reserved slugs

    @Test
    @Order(3)
    void reservedSlugsAreRefusedAndNoRealmAppearsInKeycloak() {
        Set<String> before = realms();
        String operator = api.token("platform", "operator");
        for (String slug : List.of("master", "platform", "api", "keycloak")) {
            for (boolean adopt : List.of(false, true)) {
                String body = adopt
                        ? "{\"slug\":\"" + slug + "\",\"nameFr\":\"Réservé\",\"nameEn\":\"Reserved\",\"type\":\"OTHER\",\"adoptExistingRealm\":true}"
                        : "{\"slug\":\"" + slug + "\",\"nameFr\":\"Réservé\",\"nameEn\":\"Reserved\",\"type\":\"OTHER\","
                                + "\"firstAdmin\":{\"username\":\"first.admin\",\"email\":\"first.admin@reserved.cm\","
                                + "\"firstName\":\"First\",\"lastName\":\"Admin\"}}";
                String language = adopt ? "fr" : "en";
                Reply refused = api.send(stack.gatewayUrl(), "POST", "/api/institutions", operator,
                        HttpRequest.BodyPublishers.ofString(body), "application/json", Map.of("Accept-Language", language));
                record("operator " + (adopt ? "adopts" : "creates") + " institution `" + slug + "`", refused);
                assertEquals(400, refused.status(), refused.toString());
                assertTrue(refused.isProblem(), refused.toString());
                JsonNode error = refused.json().path("errors").path(0);
                assertEquals("slug", error.path("field").asText(), refused.toString());
                assertTrue(error.path("message").asText().contains(adopt ? "est réservé" : "is reserved"), refused.toString());
            }
        }
        assertEquals(before, realms(), "no realm was created in Keycloak");
        Reply list = api.call(stack.gatewayUrl(), "GET", "/api/institutions?size=100", operator, null);
        for (JsonNode item : list.json().path("items")) {
            assertFalse(List.of("master", "platform", "api", "keycloak").contains(item.path("slug").asText()), list.toString());
        }
        report.add("| Keycloak realms before and after the eight refused calls | `GET /admin/realms` (keycloak) | "
                + "unchanged: " + before + " |");
    }

    private static Set<String> realms() {
        Reply realms = admin("GET", "/admin/realms?briefRepresentation=true", null);
        assertEquals(200, realms.status(), realms.toString());
        Set<String> names = new TreeSet<>();
        realms.json().forEach(realm -> names.add(realm.path("realm").asText()));
        return names;
    }
}
