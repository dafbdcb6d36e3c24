package cm.vigie.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import cm.vigie.devstack.Stack;
import cm.vigie.devstack.StackException;

/**
 * Onboarding for real: a platform operator onboards a new institution through the gateway, accounts-service creates
 * its realm in the real Keycloak, its first admin signs in through the browser flow (authorization code with PKCE,
 * the temporary password changed on the way, as Keycloak requires) and creates an official account; suspending the
 * institution disables the realm. Plain HTTP, no generated client: this class drives Keycloak's login pages too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private static final String REDIRECT_URI = "http://localhost:3000/callback";
    private static final String NEW_PASSWORD = "Vigie-Onboard-2026";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*login-actions[^\"]*)\"", Pattern.DOTALL);

    private static Stack stack;
    private static EndToEndStack running;
    private static final String SLUG = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private static String institutionId;
    private static String temporaryPassword;
    private static String adminToken;

    @BeforeAll
    static void bootTheStack() {
        running = EndToEndStack.start("onboarding");
        stack = running.stack();
    }

    @AfterAll
    static void closeTheStackAndLeaveNothingBehind() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    @Order(1)
    void anOperatorOnboardsANewInstitutionWhoseRealmIsCreatedInKeycloak() {
        String operator = stack.tokens().passwordGrant("platform", "operator", "demo");
        HttpResponse<String> created = call("POST", "/api/institutions", operator, """
                {"slug":"%s","nameFr":"Agence de test de bout en bout","nameEn":"End-to-end test agency","type":"AGENCY",
                 "emailDomain":"e2e.cm","firstAdmin":{"username":"first.admin","email":"first.admin@e2e.cm",
                 "firstName":"Première","lastName":"Administratrice"}}""".formatted(SLUG));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = json(created);
        institutionId = body.path("id").asText();
        temporaryPassword = body.path("firstAdmin").path("temporaryPassword").asText();
        assertFalse(temporaryPassword.isEmpty(), created.body());

        JsonNode realm = adminGet("/admin/realms/" + SLUG);
        assertTrue(realm.path("enabled").asBoolean());
        assertTrue(realm.path("bruteForceProtected").asBoolean());

        // the same slug again: 409, pointing at the institution
        HttpResponse<String> again = call("POST", "/api/institutions", operator, """
                {"slug":"%s","nameFr":"x","nameEn":"y","type":"AGENCY","firstAdmin":{"username":"other","email":"o@e2e.cm",
                 "firstName":"O","lastName":"T"}}""".formatted(SLUG));
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.headers().firstValue("Location").orElse("").endsWith("/api/institutions/" + institutionId));
    }

    @Test
    @Order(2)
    void theOnboardedRealmRefusesDirectGrants() {
        StackException refused = assertThrows(StackException.class,
                () -> stack.tokens().passwordGrant(SLUG, "first.admin", temporaryPassword));
        assertTrue(refused.getMessage().contains("unauthorized_client") || refused.getMessage().contains("400")
                || refused.getMessage().contains("401"), refused.getMessage());
    }

    @Test
    @Order(3)
    void theFirstAdminSignsInChangesTheTemporaryPasswordAndGetsATokenOfTheNewRealm() throws Exception {
        adminToken = browserLogin(SLUG, "first.admin", temporaryPassword, NEW_PASSWORD);
        JsonNode claims = KeycloakTokens.claims(adminToken);
        assertEquals(stack.issuer(SLUG), claims.path("iss").asText());
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        assertTrue(roles.contains("institution-admin"), "roles " + roles);
    }

    @Test
    @Order(4)
    void theFirstAdminCreatesAnOfficialAccountThatOnlyTheirInstitutionSees() {
        assertNotNull(adminToken, "signed in by the previous step");
        String handle = "agence_e2e_" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = call("POST", "/api/accounts/official", adminToken, """
                {"platform":"X","handle":"https://x.com/%s?s=20","displayName":"Agence E2E"}""".formatted(handle.toUpperCase()));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode account = json(created);
        assertEquals(handle, account.path("handle").asText());
        String id = account.path("id").asText();

        assertEquals(200, call("GET", "/api/accounts/official/" + id, adminToken, null).statusCode());
        HttpResponse<String> security = call("GET", "/api/accounts/official/" + id + "/security", adminToken, null);
        assertEquals(200, security.statusCode(), security.body());
        assertTrue(json(security).path("findings").get(0).path("message").path("fr").asText().length() > 10);

        String otherInstitution = stack.tokens().passwordGrant("minsante", "cm", "demo");
        assertEquals(404, call("GET", "/api/accounts/official/" + id, otherInstitution, null).statusCode());
    }

    @Test
    @Order(5)
    void suspendingTheInstitutionDisablesItsRealmAndReactivatingEnablesIt() {
        String operator = stack.tokens().passwordGrant("platform", "operator", "demo");
        HttpResponse<String> suspended = call("POST", "/api/institutions/" + institutionId + "/suspend", operator,
                "{\"reason\":\"end-to-end test\"}");
        assertEquals(200, suspended.statusCode(), suspended.body());
        assertFalse(adminGet("/admin/realms/" + SLUG).path("enabled").asBoolean(true));
        assertEquals(403, call("GET", "/api/accounts/official", adminToken, null).statusCode());

        HttpResponse<String> reactivated = call("POST", "/api/institutions/" + institutionId + "/reactivate", operator,
                "{\"reason\":\"end-to-end test done\"}");
        assertEquals(200, reactivated.statusCode(), reactivated.body());
        assertTrue(adminGet("/admin/realms/" + SLUG).path("enabled").asBoolean(false));
        assertEquals(200, call("GET", "/api/accounts/official", adminToken, null).statusCode());

        HttpResponse<String> history = call("GET", "/api/institutions/" + institutionId + "/history", operator, null);
        assertEquals(200, history.statusCode(), history.body());
        List<String> actions = new ArrayList<>();
        json(history).path("items").forEach(item -> actions.add(item.path("action").asText()));
        assertEquals(List.of("INSTITUTION_ONBOARDED", "INSTITUTION_SUSPENDED", "INSTITUTION_REACTIVATED"), actions);
    }

    /**
     * What a browser does: authorization request with a PKCE challenge, the login form, Keycloak's required
     * "update password" form, then the code exchanged with the verifier. Cookies are carried by hand because
     * Keycloak marks some of them Secure, which the JDK's cookie manager would then keep off plain HTTP.
     */
    private static String browserLogin(String realm, String username, String password, String newPassword) throws Exception {
        String verifier = randomUrlSafe(48);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = randomUrlSafe(16);
        Map<String, String> cookies = new LinkedHashMap<>();
        String realmUrl = stack.keycloakUrl() + "/realms/" + realm + "/protocol/openid-connect";

        HttpResponse<String> loginPage = browse("GET", realmUrl + "/auth?" + form(Map.of("client_id", KeycloakTokens.CLIENT_ID,
                "response_type", "code", "scope", "openid", "redirect_uri", REDIRECT_URI, "state", state,
                "code_challenge", challenge, "code_challenge_method", "S256")), null, cookies);
        assertEquals(200, loginPage.statusCode(), loginPage.body());

        HttpResponse<String> updatePage = withinKeycloak(browse("POST", formAction(loginPage),
                form(Map.of("username", username, "password", password, "credentialId", "")), cookies), cookies);
        assertEquals(200, updatePage.statusCode(), "the temporary password leads to the update-password form");
        assertTrue(updatePage.body().contains("password-new"), "update-password form expected");

        HttpResponse<String> redirect = withinKeycloak(browse("POST", formAction(updatePage),
                form(Map.of("password-new", newPassword, "password-confirm", newPassword)), cookies), cookies);
        assertEquals(302, redirect.statusCode(), redirect.body());
        URI back = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(back.toString().startsWith(REDIRECT_URI), back.toString());
        Map<String, String> answer = parseQuery(back.getRawQuery());
        assertEquals(state, answer.get("state"));

        HttpResponse<String> token = browse("POST", realmUrl + "/token", form(Map.of("grant_type", "authorization_code",
                "client_id", KeycloakTokens.CLIENT_ID, "code", answer.get("code"), "redirect_uri", REDIRECT_URI,
                "code_verifier", verifier)), cookies);
        assertEquals(200, token.statusCode(), token.body());
        return json(token).path("access_token").asText();
    }

    private static HttpResponse<String> browse(String method, String url, String formBody, Map<String, String> cookies)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, formBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(formBody));
        if (formBody != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }

    /** Follows Keycloak's redirects to its own pages; stops at the redirect back to the application. */
    private static HttpResponse<String> withinKeycloak(HttpResponse<String> response, Map<String, String> cookies)
            throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 5 && (current.statusCode() == 302 || current.statusCode() == 303); hops++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            if (!location.startsWith(stack.keycloakUrl())) {
                return current;
            }
            current = browse("GET", location, null, cookies);
        }
        return current;
    }

    private static String formAction(HttpResponse<String> page) {
        Matcher matcher = FORM_ACTION.matcher(page.body());
        assertTrue(matcher.find(), "no Keycloak form in the page: " + page.body());
        return matcher.group(1).replace("&amp;", "&");
    }

    private static JsonNode adminGet(String path) {
        HttpResponse<String> token;
        try {
            token = HTTP.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("client_id", "admin-cli", "grant_type", "password",
                            "username", KeycloakNode.ADMIN_USERNAME, "password", KeycloakNode.ADMIN_PASSWORD))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, token.statusCode(), token.body());
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + path))
                    .header("Authorization", "Bearer " + json(token).path("access_token").asText()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            return json(answer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
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

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

}
