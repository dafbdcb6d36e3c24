package cm.vigie.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.devstack.KeycloakNode;
import cm.vigie.devstack.KeycloakTokens;
import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.Stack;
import cm.vigie.devstack.StackOptions;
import cm.vigie.devstack.StackPorts;

/**
 * The real platform, end to end: Keycloak distribution, embedded PostgreSQL, the three services and the gateway,
 * booted once on free ports, driven through the gateway with real Keycloak tokens. Closing it must leave nothing
 * running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Stack stack;
    private static Thread safetyNet;
    private static String createdId;

    @BeforeAll
    static void bootTheStack() {
        Path repoRoot = Path.of(System.getProperty("vigie.repo.root", ".."));
        Path target = Path.of(System.getProperty("vigie.devstack.target", "target"));
        List<String> missing = new ArrayList<>();
        for (ServiceModule service : ServiceModule.values()) {
            if (!Files.isRegularFile(service.runJar(repoRoot))) {
                missing.add(service.runJar(repoRoot).toString());
            }
        }
        if (!missing.isEmpty()) {
            fail("Service jars missing (the reactor builds them before devstack: ./mvnw verify): " + missing);
        }
        Path runDir = target.resolve("it-runs")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        StackOptions options = StackOptions.forTests(repoRoot, runDir, target.resolve("it-keycloak"));
        long start = System.nanoTime();
        stack = Stack.create(options, line -> System.out.println("[stack] " + line));
        // Failsafe stops a fork that overruns its timeout with SIGTERM: close the stack then too.
        Stack started = stack;
        safetyNet = new Thread(started::close, "e2e-stack-cleanup");
        Runtime.getRuntime().addShutdownHook(safetyNet);
        stack.startAll();
        System.out.printf("[stack] whole stack ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void closeTheStackAndLeaveNothingBehind() {
        if (stack == null) {
            return;
        }
        List<Stack.Component> components = stack.components();
        stack.close();
        Runtime.getRuntime().removeShutdownHook(safetyNet);
        List<String> left = ProcessHandle.current().descendants()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        // last resort, so that a failed assertion never leaves a JVM or Keycloak behind
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), left, "child processes left after close");
        for (Stack.Component component : components) {
            assertTrue(StackPorts.isFree(component.port()), component + " still listens");
        }
    }

    private static String token(String realm, String user) {
        return stack.tokens().passwordGrant(realm, user, "demo");
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
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
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "problem+json expected, got " + response.headers().firstValue("Content-Type"));
        assertEquals(status, json(response).path("status").asInt());
    }

    @Test
    @Order(1)
    void keycloakIssuesTokensForTheImportedRealmsWithTheirRoles() {
        JsonNode claims = KeycloakTokens.claims(token("minsante", "cm"));
        assertEquals(stack.issuer("minsante"), claims.path("iss").asText());
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        assertTrue(roles.contains("community-manager"), "realm_access.roles = " + roles);
        assertEquals(200, call("GET", "/q/health/ready", null, null).statusCode());
    }

    @Test
    @Order(2)
    void aCommunityManagerCreatesAndReadsAnOfficialAccountThroughTheGateway() {
        String cm = token("minsante", "cm");
        String handle = "minsante_" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = call("POST", "/api/accounts/official", cm, """
                {"platform":"FACEBOOK","handle":"@%s","displayName":"Ministère de la Santé publique"}""".formatted(handle));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").contains("/api/accounts/official/"));
        createdId = json(created).path("id").asText();

        HttpResponse<String> read = call("GET", "/api/accounts/official/" + createdId, cm, null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(handle, json(read).path("handle").asText());
        assertEquals("\"0\"", read.headers().firstValue("ETag").orElse(null));
    }

    @Test
    @Order(3)
    void anotherInstitutionGets404OnThatIdAndDoesNotSeeItInLists() {
        assertNotNull(createdId, "created by the previous test");
        String mincom = token("mincom", "cm");
        assertProblem(404, call("GET", "/api/accounts/official/" + createdId, mincom, null));
        HttpResponse<String> list = call("GET", "/api/accounts/official?size=100", mincom, null);
        assertEquals(200, list.statusCode(), list.body());
        json(list).path("items").forEach(item -> assertFalse(createdId.equals(item.path("id").asText()),
                "mincom sees minsante's account"));
        HttpResponse<String> own = call("GET", "/api/accounts/official?size=100", token("minsante", "viewer"), null);
        assertTrue(own.body().contains(createdId), "minsante's own list shows it");
    }

    @Test
    @Order(4)
    void aViewerReadsButCannotCreate() {
        String viewer = token("minsante", "viewer");
        assertEquals(200, call("GET", "/api/accounts/official/" + createdId, viewer, null).statusCode());
        assertProblem(403, call("POST", "/api/accounts/official", viewer, """
                {"platform":"X","handle":"viewer_attempt","displayName":"x"}"""));
    }

    @Test
    @Order(5)
    void noTokenAndAMasterRealmTokenAnswer401() {
        assertProblem(401, call("GET", "/api/accounts/official", null, null));
        assertProblem(401, call("GET", "/api/accounts/official", masterRealmToken(), null));
        assertProblem(401, call("GET", "/api/watch/me", masterRealmToken(), null));
    }

    @Test
    @Order(6)
    void watchAndPlanServicesKnowTheInstitutionsFromAccountsService() {
        String analyst = token("mincom", "analyst");
        for (String path : List.of("/api/watch/me", "/api/plans/me")) {
            HttpResponse<String> me = call("GET", path, analyst, null);
            assertEquals(200, me.statusCode(), path + " " + me.body());
            assertEquals("mincom", json(me).path("institution").asText());
        }
    }

    @Test
    @Order(7)
    void aSuspendedInstitutionIsRefusedEverywhereWithinAMinute() throws InterruptedException {
        String operator = token("platform", "operator");
        HttpResponse<String> institutions = call("GET", "/api/institutions?size=100", operator, null);
        assertEquals(200, institutions.statusCode(), institutions.body());
        String mincomId = null;
        for (JsonNode institution : json(institutions).path("items")) {
            if (institution.path("slug").asText().equals("mincom")) {
                mincomId = institution.path("id").asText();
            }
        }
        assertNotNull(mincomId, "mincom registered by the launcher");
        String cm = token("mincom", "cm");
        assertEquals(200, call("GET", "/api/plans/me", cm, null).statusCode());

        assertEquals(200, call("POST", "/api/institutions/" + mincomId + "/suspend", operator,
                "{\"reason\":\"end-to-end test\"}").statusCode());
        try {
            assertProblem(403, call("GET", "/api/accounts/official", cm, null));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int watch = 0;
            int plan = 0;
            while (System.nanoTime() < deadline && (watch != 403 || plan != 403)) {
                Thread.sleep(1000);
                watch = call("GET", "/api/watch/me", cm, null).statusCode();
                plan = call("GET", "/api/plans/me", cm, null).statusCode();
            }
            assertEquals(403, watch, "watch-service refuses a suspended institution within 60 s");
            assertEquals(403, plan, "plan-service refuses a suspended institution within 60 s");
        } finally {
            call("POST", "/api/institutions/" + mincomId + "/reactivate", operator, "{\"reason\":\"test over\"}");
        }
    }

    /** A real token from Keycloak's own master realm, which no Vigie service may accept. */
    private static String masterRealmToken() {
        String form = "client_id=admin-cli&grant_type=password&username="
                + URLEncoder.encode(KeycloakNode.ADMIN_USERNAME, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(KeycloakNode.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
