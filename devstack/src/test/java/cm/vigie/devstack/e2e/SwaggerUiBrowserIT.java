package cm.vigie.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cm.vigie.devstack.KeycloakNode;
import cm.vigie.devstack.Stack;

/**
 * Swagger UI at the gateway, tried as a new user would in a real browser: headless Chromium driven by puppeteer-core
 * (installed from npm under {@code target/browser-tools} by this module's build) runs
 * {@code src/test/node/swagger-ui-login.cjs} against the real stack. The page must list every operation of the merged
 * document (the three services), the Authorize dialog must log in as minsante's {@code cm} on Keycloak's own page
 * (authorization code with PKCE, public client {@code vigie-console}), and "Try it out" on
 * {@code GET /api/accounts/official} must answer 200 with that login's token.
 *
 * <p>No browser, node or puppeteer-core is a failure, never a skip: the build unpacks its headless Chromium (root pom, tools/chromium-setup.cjs)
 * and passes its path as {@code -Dvigie.chromium}.
 */
class SwaggerUiBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String REALM = "minsante";
    private static final String CLIENT_ID = "vigie-console";
    private static final String OPERATION = "/api/accounts/official";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private static Path target;
    private static Path chromium;
    private static Path puppeteer;
    private static Stack stack;
    private static EndToEndStack running;

    @BeforeAll
    static void bootTheStack() {
        target = EndToEndStack.target();
        chromium = Path.of(System.getProperty("vigie.chromium", ""));
        puppeteer = target.resolve("browser-tools/node_modules/puppeteer-core").toAbsolutePath();
        // checked before the stack boots: a missing browser fails at once (CI must install it), it never skips
        if (!Files.isRegularFile(chromium) || !Files.isExecutable(chromium)) {
            fail("headless Chromium not found at \"" + chromium + "\" (the root pom unpacks it at validate into ~/.cache/vigie/chromium and sets -Dvigie.chromium; see docs/operations.md, Browser checks)");
        }
        if (!Files.isRegularFile(puppeteer.resolve("package.json"))) {
            fail("puppeteer-core is missing at " + puppeteer + " (the devstack build installs it with npm before the ITs)");
        }
        // a shared CI machine may be slow: Keycloak's first boot (build + realm import) took over 6 minutes at load 40
        running = EndToEndStack.start("swagger", options -> options.toBuilder()
                .keycloakReadyTimeout(Duration.ofMinutes(12)).serviceReadyTimeout(Duration.ofMinutes(6)).build());
        stack = running.stack();
    }

    @AfterAll
    static void closeTheStack() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aNewUserListsEveryOperationLogsInAsCmAndACallSucceeds() throws Exception {
        // Swagger UI is opened where the merged document says the gateway is (its server), so that calls are
        // same-origin. The demo realms allow Swagger UI's redirect on port 8080 (./platform up); this stack's gateway
        // has a free port, which is registered here like a developer would for a gateway elsewhere.
        String gateway = "http://localhost:" + URI.create(stack.gatewayUrl()).getPort();
        allowSwaggerUiOf(gateway);

        Set<String> documented = documentedOperations();
        assertTrue(documented.stream().anyMatch(op -> op.contains(" /api/accounts/")), "accounts-service in /openapi");
        assertTrue(documented.stream().anyMatch(op -> op.contains(" /api/watch/")), "watch-service in /openapi");
        assertTrue(documented.stream().anyMatch(op -> op.contains(" /api/plans")), "plan-service in /openapi");

        JsonNode report = runBrowser(gateway + "/q/swagger-ui/");

        Set<String> listed = new TreeSet<>();
        report.path("operations").forEach(op -> listed.add(op.asText()));
        Set<String> notListed = new TreeSet<>(documented);
        notListed.removeAll(listed);
        assertEquals(Set.of(), notListed, "operations of /openapi that Swagger UI does not list (it lists "
                + listed.size() + ")");
        assertEquals(CLIENT_ID, report.path("clientId").asText(), "the Authorize dialog offers the console client");
        assertTrue(report.path("loginPageUrl").asText().startsWith(stack.keycloakUrl() + "/realms/" + REALM + "/"),
                "login on the demo realm's own page: " + report.path("loginPageUrl"));
        assertTrue(report.path("authorized").asBoolean(), "Swagger UI holds a token after the login");
        assertTrue(report.path("requestHadBearer").asBoolean(), "the call carries the login's bearer token");
        assertTrue(report.path("requestUrl").asText().startsWith(gateway + OPERATION), report.path("requestUrl").asText());
        assertEquals(200, report.path("networkStatus").asInt(), report.toString());
        assertEquals("200", report.path("shownStatus").asText(), "Swagger UI shows the 200");
        JsonNode page = JSON.readTree(report.path("shownBody").asText());
        assertTrue(page.has("items") && page.path("items").isArray(), "a page of official accounts: " + page);
    }

    /** Every (method, path) of the merged document, as Swagger UI prints them ("GET /api/..."). */
    private static Set<String> documentedOperations() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/openapi"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        Set<String> operations = new TreeSet<>();
        JSON.readTree(answer.body()).path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(op -> {
                    if (METHODS.contains(op.getKey())) {
                        operations.add(op.getKey().toUpperCase() + " " + path.getKey());
                    }
                }));
        return operations;
    }

    /** Adds the gateway's Swagger UI redirect and origin to the demo realm's console client (Keycloak admin API). */
    private static void allowSwaggerUiOf(String gateway) throws Exception {
        String keycloak = stack.keycloakUrl();
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(
                URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + enc(KeycloakNode.ADMIN_USERNAME) + "&password=" + enc(KeycloakNode.ADMIN_PASSWORD)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String admin = "Bearer " + JSON.readTree(login.body()).path("access_token").asText();
        String clients = keycloak + "/admin/realms/" + REALM + "/clients";
        HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CLIENT_ID))
                .header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, found.statusCode(), found.body());
        ObjectNode client = (ObjectNode) JSON.readTree(found.body()).path(0);
        arrayOf(client, "redirectUris").add(gateway + "/q/swagger-ui/*");
        arrayOf(client, "webOrigins").add(gateway);
        HttpResponse<String> updated = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asText()))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, updated.statusCode(), updated.body());
    }

    private static ArrayNode arrayOf(ObjectNode object, String field) {
        return object.get(field) instanceof ArrayNode array ? array : object.putArray(field);
    }

    private static JsonNode runBrowser(String swaggerUi) throws IOException, InterruptedException {
        Path script = Path.of("src/test/node/swagger-ui-login.cjs").toAbsolutePath();
        Path out = target.resolve("swagger-ui-browser.json").toAbsolutePath();
        Path log = target.resolve("swagger-ui-browser.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("node", script.toString())
                .redirectOutput(out.toFile()).redirectError(log.toFile());
        builder.environment().put("PUPPETEER_CORE", puppeteer.toString());
        builder.environment().put("CHROMIUM", chromium.toString());
        builder.environment().put("SWAGGER_UI_URL", swaggerUi);
        builder.environment().put("USERNAME", "cm");
        builder.environment().put("PASSWORD", "demo");
        builder.environment().put("OPERATION_PATH", OPERATION);
        builder.environment().put("SCREENSHOT_DIR", target.toAbsolutePath().toString());
        Process node;
        try {
            node = builder.start();
        } catch (IOException e) {
            throw new AssertionError("node is not on PATH: " + e.getMessage(), e);
        }
        if (!node.waitFor(5, TimeUnit.MINUTES)) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
            fail("the browser run did not finish within 5 minutes; see " + log);
        }
        String errors = Files.readString(log);
        System.out.print(errors);
        assertEquals(0, node.exitValue(), "the browser run failed (screenshot in target/): " + errors);
        return JSON.readTree(Files.readString(out));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
