package cm.vigie.devstack.e2e.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cm.vigie.devstack.KeycloakNode;
import cm.vigie.devstack.KeycloakTokens;
import cm.vigie.devstack.Stack;
import cm.vigie.devstack.e2e.EndToEndStack;

/**
 * Issue 18's team story on the real stack (Keycloak distribution, every service, the gateway), with the invitee in a
 * real headless Chromium ({@code src/test/node/team-activation.cjs}, puppeteer-core; Chromium from
 * {@code -Dvigie.chromium}, default {@code /usr/bin/chromium}):
 * <ol>
 * <li>minsante's admin requires two-factor for community managers (sign-in policy, read back from the realm);</li>
 * <li>invites a community manager; the invitee signs in on Keycloak's page with the one-time secret, sets a password
 * and enrols TOTP with a code computed from the secret Keycloak shows; the console's authorization code (PKCE) gives
 * tokens, and the API answers with the role given;</li>
 * <li>from then on Keycloak asks that member for the code (a password alone is refused);</li>
 * <li>a role change shows in the next token; the last admin cannot be demoted;</li>
 * <li>the member holds an official page; disabling them refuses their refresh at once, ends their access within one
 * access-token lifetime, and opens FORMER_MEMBER_STILL_CUSTODIAN on that page, first in the security report.</li>
 * </ol>
 */
class TeamActivationBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String REALM = "minsante";
    private static final String CLIENT_ID = KeycloakTokens.CLIENT_ID;
    /** Registered for the console in the demo realm; the browser's visit to it is intercepted, never loaded. */
    private static final String REDIRECT_URI = "http://localhost:3000/team-activation";
    /** Short, so that "access ends within one token lifetime" is measured rather than assumed. */
    private static final int ACCESS_TOKEN_SECONDS = 30;
    private static final String NEW_PASSWORD = "Lookout-2026-e2e";

    private static Path target;
    private static Path chromium;
    private static Path puppeteer;
    private static Stack stack;
    private static EndToEndStack running;

    @BeforeAll
    static void bootTheStack() throws Exception {
        target = EndToEndStack.target();
        chromium = Path.of(System.getProperty("vigie.chromium", "/usr/bin/chromium"));
        puppeteer = target.resolve("browser-tools/node_modules/puppeteer-core").toAbsolutePath();
        if (!Files.isExecutable(chromium)) {
            fail("Chromium not found at " + chromium + " (install the chromium package or set -Dvigie.chromium)");
        }
        if (!Files.isRegularFile(puppeteer.resolve("package.json"))) {
            fail("puppeteer-core is missing at " + puppeteer + " (the devstack build installs it with npm before the ITs)");
        }
        running = EndToEndStack.start("team", options -> options.toBuilder()
                .keycloakReadyTimeout(Duration.ofMinutes(12)).serviceReadyTimeout(Duration.ofMinutes(6)).build());
        stack = running.stack();
        shortenAccessTokens();
    }

    @AfterAll
    static void closeTheStack() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void anInvitedCommunityManagerActivatesInTheBrowserWorksAndIsCutOffWhenDisabled() throws Exception {

        // 1. the admin requires two-factor for community managers
        Reply read = call("GET", "/api/institutions/me/sign-in-policy", admin(), null, null);
        assertEquals(200, read.status(), read.body().toString());
        Reply outOfBounds = call("PUT", "/api/institutions/me/sign-in-policy", admin(), read.etag(),
                policy(4, 30, 10, "community-manager"));
        assertEquals(400, outOfBounds.status(), outOfBounds.body().toString());
        assertEquals(List.of("password.minLength"), fields(outOfBounds.body()));
        Reply set = call("PUT", "/api/institutions/me/sign-in-policy", admin(), read.etag(), policy(14, 45, 8, "community-manager"));
        assertEquals(200, set.status(), set.body().toString());
        assertNotEquals(read.etag(), set.etag());
        JsonNode inForce = call("GET", "/api/institutions/me/sign-in-policy", admin(), null, null).body();
        assertEquals("ROLES", inForce.path("twoFactor").path("required").asText());
        assertEquals("community-manager", inForce.path("twoFactor").path("roles").path(0).asText());
        assertEquals(14, inForce.path("password").path("minLength").asInt(), inForce.toString());
        assertTrue(inForce.path("keycloakPasswordPolicy").asText().contains("length(14)"), inForce.toString());
        assertEquals(45, inForce.path("sessions").path("idleMinutes").asInt());
        assertEquals(8, inForce.path("sessions").path("maxHours").asInt());
        JsonNode realm = keycloakAdmin("GET", "/admin/realms/" + REALM, null);
        assertEquals(45 * 60, realm.path("ssoSessionIdleTimeout").asInt(), "the realm itself holds the idle timeout");
        assertEquals(8 * 3600, realm.path("ssoSessionMaxLifespan").asInt());
        assertTrue(realm.path("passwordPolicy").asText().contains("length(14)"), realm.path("passwordPolicy").asText());

        // 2. the admin invites a community manager, who activates in the browser
        String username = "cm-" + UUID.randomUUID().toString().substring(0, 8) + "@minsante.example";
        Invited invited = Members.invite(this, admin(), username, "community-manager");
        JsonNode activation = activateInBrowser(username, invited.secret());
        assertEquals(List.of("CONFIGURE_TOTP", "UPDATE_PASSWORD"), sorted(activation.path("pages")),
                "Keycloak asked for a password and a TOTP enrolment: " + activation);
        Tokens tokens = exchange(activation);
        JsonNode claims = KeycloakTokens.claims(tokens.access());
        assertEquals(username, claims.path("preferred_username").asText());
        assertTrue(roles(claims).contains("community-manager"), claims.toString());
        String cm = bearer(tokens.access());
        Reply me = call("GET", "/api/accounts/me", cm, null, null);
        assertEquals(200, me.status(), me.body().toString());
        Reply account = call("POST", "/api/accounts/official", cm, null, JSON.readTree("""
                {"platform":"FACEBOOK","handle":"%s","displayName":"Page de la campagne de vaccination"}"""
                .formatted("vaccination" + username.substring(3, 11))));
        assertEquals(201, account.status(), "a community manager creates official accounts: " + account.body());
        String accountId = account.body().path("id").asText();
        assertEquals(403, call("GET", "/api/institutions/me/sign-in-policy", cm, null, null).status(),
                "only institution-admin reads the policy");

        // 3. from now on Keycloak asks this member for the code
        String secret = activation.path("totp").path("secret").asText();
        HttpResponse<String> passwordOnly = passwordGrant(username, NEW_PASSWORD, null);
        assertEquals(400, passwordOnly.statusCode(), "a password alone is refused: " + passwordOnly.body());
        assertTrue(passwordOnly.body().contains("invalid_grant"), passwordOnly.body());
        // the code used at enrolment may not be used twice: the next period's code is within Keycloak's look-around
        HttpResponse<String> withCode = passwordGrant(username, NEW_PASSWORD, totp(secret, System.currentTimeMillis() + 30_000));
        assertEquals(200, withCode.statusCode(), withCode.body());

        // 4. a role change shows in the next token; the last admin cannot be demoted
        Members.setRoles(this, admin(), invited.id(), List.of("community-manager", "analyst"));
        assertFalse(roles(KeycloakTokens.claims(tokens.access())).contains("analyst"), "the token in hand keeps its roles");
        Tokens refreshed = refresh(tokens.refresh());
        assertTrue(roles(KeycloakTokens.claims(refreshed.access())).contains("analyst"), "the next token carries the new role");
        Reply demote = Members.trySetRoles(this, admin(), Members.idOf(this, admin(), "admin"), List.of("viewer"));
        assertEquals(409, demote.status(), "the last institution-admin cannot be demoted: " + demote.body());

        // 5. the member holds the page; disabling them cuts them off and opens the finding
        Reply unknown = call("PUT", "/api/accounts/official/" + accountId + "/custodians", admin(), null,
                JSON.readTree("{\"custodians\":[{\"user\":\"nobody-here\",\"role\":\"OWNER\"}]}"));
        assertEquals(400, unknown.status(), "a custodian must be a member: " + unknown.body());
        Reply custodians = call("PUT", "/api/accounts/official/" + accountId + "/custodians", admin(), null,
                JSON.readTree("{\"custodians\":[{\"user\":\"" + username + "\",\"role\":\"OWNER\"},{\"user\":\"admin\",\"role\":\"BACKUP\"}]}"));
        assertEquals(200, custodians.status(), custodians.body().toString());
        String cmNow = bearer(refreshed.access());
        assertEquals(200, call("GET", "/api/accounts/me", cmNow, null, null).status());

        JsonNode disabled = Members.disable(this, admin(), invited.id());
        long disabledAt = System.nanoTime();
        assertEquals(accountId, disabled.path("pagesToHandOver").path(0).path("id").asText(),
                "the disable answer lists the page to hand over: " + disabled);
        HttpResponse<String> refusedRefresh = refreshResponse(refreshed.refresh());
        assertEquals(400, refusedRefresh.statusCode(), "the refresh fails at once: " + refusedRefresh.body());
        int status = 200;
        while (status != 401 && System.nanoTime() - disabledAt < Duration.ofSeconds(ACCESS_TOKEN_SECONDS + 20).toNanos()) {
            status = call("GET", "/api/accounts/me", cmNow, null, null).status();
            if (status != 401) {
                Thread.sleep(1000);
            }
        }
        assertEquals(401, status, "access ends within one token lifetime (" + ACCESS_TOKEN_SECONDS + " s)");

        JsonNode security = call("GET", "/api/accounts/official/" + accountId + "/security", admin(), null, null).body();
        assertEquals("FORMER_MEMBER_STILL_CUSTODIAN", security.path("findings").path(0).path("code").asText(), security.toString());
        assertTrue(security.path("findings").path(0).path("message").path("en").asText().contains(username), security.toString());
        JsonNode report = call("GET", "/api/accounts/official/security-report", admin(), null, null).body();
        assertEquals(accountId, report.path("items").path(0).path("accountId").asText(), "ranked first: " + report);
        assertEquals("FORMER_MEMBER_STILL_CUSTODIAN", report.path("findings").path(0).path("code").asText());
    }

    /** A fresh token of minsante's demo admin: tokens live ACCESS_TOKEN_SECONDS, shorter than this story. */
    private static String admin() {
        return bearer(stack.tokens().passwordGrant(REALM, "admin", "demo"));
    }

    // --- the browser -------------------------------------------------------------------------------------------

    private String verifier;

    private JsonNode activateInBrowser(String username, String secret) throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = UUID.randomUUID().toString();
        String authUrl = stack.keycloakUrl() + "/realms/" + REALM + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", CLIENT_ID, "response_type", "code", "scope", "openid", "redirect_uri", REDIRECT_URI,
                "code_challenge", challenge, "code_challenge_method", "S256", "state", state));

        Path script = Path.of("src/test/node/team-activation.cjs").toAbsolutePath();
        Path out = target.resolve("team-activation.json").toAbsolutePath();
        Path log = target.resolve("team-activation.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("node", script.toString())
                .redirectOutput(out.toFile()).redirectError(log.toFile());
        builder.environment().put("PUPPETEER_CORE", puppeteer.toString());
        builder.environment().put("CHROMIUM", chromium.toString());
        builder.environment().put("AUTH_URL", authUrl);
        builder.environment().put("REDIRECT_PREFIX", REDIRECT_URI);
        builder.environment().put("USERNAME", username);
        builder.environment().put("SECRET", secret);
        builder.environment().put("NEW_PASSWORD", NEW_PASSWORD);
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
        JsonNode report = JSON.readTree(Files.readString(out));
        assertEquals(state, report.path("state").asText(), "the console's state comes back");
        assertTrue(report.path("loginPageUrl").asText().startsWith(stack.keycloakUrl() + "/realms/" + REALM + "/"),
                "signed in on the realm's own page: " + report.path("loginPageUrl"));
        assertFalse(report.path("code").asText().isEmpty(), "an authorization code: " + report);
        return report;
    }

    // --- tokens --------------------------------------------------------------------------------------------------

    record Tokens(String access, String refresh) {
    }

    private Tokens exchange(JsonNode activation) throws Exception {
        HttpResponse<String> answer = token(Map.of("grant_type", "authorization_code", "client_id", CLIENT_ID,
                "code", activation.path("code").asText(), "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
        assertEquals(200, answer.statusCode(), answer.body());
        return tokens(answer);
    }

    private static Tokens refresh(String refreshToken) throws Exception {
        HttpResponse<String> answer = refreshResponse(refreshToken);
        assertEquals(200, answer.statusCode(), answer.body());
        return tokens(answer);
    }

    private static HttpResponse<String> refreshResponse(String refreshToken) throws Exception {
        return token(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID, "refresh_token", refreshToken));
    }

    private static HttpResponse<String> passwordGrant(String username, String password, String code) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", CLIENT_ID,
                "username", username, "password", password));
        if (code != null) {
            form.put("totp", code);
        }
        return token(form);
    }

    private static HttpResponse<String> token(Map<String, String> form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Tokens tokens(HttpResponse<String> answer) throws IOException {
        JsonNode body = JSON.readTree(answer.body());
        return new Tokens(body.path("access_token").asText(), body.path("refresh_token").asText());
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    /** RFC 6238 with Keycloak's default policy (HmacSHA1, 6 digits, 30 s), as an authenticator app computes it. */
    static String totp(String base32Secret, long epochMillis) throws Exception {
        byte[] key = base32(base32Secret);
        long counter = epochMillis / 1000 / 30;
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        byte[] hash = mac.doFinal(message);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replaceAll("[\\s=]", "").toUpperCase();
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    // --- HTTP ----------------------------------------------------------------------------------------------------

    record Reply(int status, JsonNode body, String etag) {
    }

    Reply call(String method, String path, String authorization, String ifMatch, JsonNode body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = answer.body() == null || answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        return new Reply(answer.statusCode(), json, answer.headers().firstValue("ETag").orElse(null));
    }

    private static JsonNode policy(int minLength, int idleMinutes, int maxHours, String role) throws IOException {
        return JSON.readTree("""
                {"twoFactor":{"required":"ROLES","roles":["%s"]},
                 "password":{"minLength":%d,"upperCase":1,"lowerCase":1,"digits":1,"specialChars":0,"notUsername":true,
                             "notEmail":true,"history":3,"expireDays":0},
                 "sessions":{"idleMinutes":%d,"maxHours":%d}}""".formatted(role, minLength, idleMinutes, maxHours));
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static List<String> sorted(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values.stream().distinct().sorted().toList();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The demo realm's access tokens live ACCESS_TOKEN_SECONDS, through Keycloak's admin API (master admin). */
    private static void shortenAccessTokens() throws Exception {
        ObjectNode change = JSON.createObjectNode().put("realm", REALM).put("accessTokenLifespan", ACCESS_TOKEN_SECONDS);
        keycloakAdmin("PUT", "/admin/realms/" + REALM, change);
    }

    private static JsonNode keycloakAdmin(String method, String path, JsonNode body) throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", KeycloakNode.ADMIN_USERNAME, "password", KeycloakNode.ADMIN_PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String admin = "Bearer " + JSON.readTree(login.body()).path("access_token").asText();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + path))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() / 100 == 2, method + " " + path + ": " + answer.statusCode() + " " + answer.body());
        return answer.body() == null || answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    // --- the members API (issue 18 item 1) ----------------------------------------------------------------------

    record Invited(String id, String secret) {
    }

    /** Calls of the members API this story makes (docs/permissions.md, `/api/institutions/me/members`). */
    static final class Members {

        private static final String MEMBERS = "/api/institutions/me/members";

        /** Invites; the e-mail address becomes the member's user name. */
        static Invited invite(TeamActivationBrowserIT it, String admin, String email, String role) throws Exception {
            Reply reply = it.call("POST", MEMBERS, admin, null, JSON.readTree("""
                    {"email":"%s","firstName":"Jeanne","lastName":"Ngono","roles":["%s"],"locale":"fr"}""".formatted(email, role)));
            assertEquals(201, reply.status(), reply.body().toString());
            assertEquals(email, reply.body().path("member").path("username").asText(), reply.body().toString());
            String secret = reply.body().path("activationSecret").asText();
            assertFalse(secret.isBlank(), "a one-time secret: " + reply.body());
            return new Invited(reply.body().path("member").path("id").asText(), secret);
        }

        static void setRoles(TeamActivationBrowserIT it, String admin, String id, List<String> roles) throws Exception {
            Reply reply = trySetRoles(it, admin, id, roles);
            assertEquals(200, reply.status(), reply.body().toString());
        }

        static Reply trySetRoles(TeamActivationBrowserIT it, String admin, String id, List<String> roles) throws Exception {
            Reply member = it.call("GET", MEMBERS + "/" + id, admin, null, null);
            assertEquals(200, member.status(), member.body().toString());
            ObjectNode body = JSON.createObjectNode();
            roles.forEach(body.putArray("roles")::add);
            return it.call("PUT", MEMBERS + "/" + id + "/roles", admin, member.etag(), body);
        }

        static String idOf(TeamActivationBrowserIT it, String admin, String username) throws Exception {
            Reply page = it.call("GET", MEMBERS + "?size=100", admin, null, null);
            assertEquals(200, page.status(), page.body().toString());
            for (JsonNode member : page.body().path("items")) {
                if (username.equals(member.path("username").asText())) {
                    return member.path("id").asText();
                }
            }
            throw new AssertionError("no member " + username + " in " + page.body());
        }

        static JsonNode disable(TeamActivationBrowserIT it, String admin, String id) throws Exception {
            Reply reply = it.call("POST", MEMBERS + "/" + id + "/disable", admin, null,
                    JSON.readTree("{\"reason\":\"Left the ministry\"}"));
            assertEquals(200, reply.status(), reply.body().toString());
            assertEquals("DISABLED", reply.body().path("member").path("status").asText(), reply.body().toString());
            return reply.body();
        }
    }
}
