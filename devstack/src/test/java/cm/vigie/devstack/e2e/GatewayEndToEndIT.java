package cm.vigie.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

import cm.vigie.client.ApiClient;
import cm.vigie.client.ApiException;
import cm.vigie.client.ApiResponse;
import cm.vigie.client.api.CallerApi;
import cm.vigie.client.api.InstitutionsApi;
import cm.vigie.client.api.OfficialAccountsApi;
import cm.vigie.client.api.PublicVerificationApi;
import cm.vigie.client.model.Institution;
import cm.vigie.client.model.OfficialAccount;
import cm.vigie.client.model.OfficialAccountRequest;
import cm.vigie.client.model.PageResponseOfficialAccountView;
import cm.vigie.client.model.AccountPlatform;
import cm.vigie.client.model.PublicVerification;
import cm.vigie.client.model.StatusChange;
import cm.vigie.devstack.KeycloakNode;
import cm.vigie.devstack.KeycloakTokens;
import cm.vigie.devstack.Stack;

/**
 * The real platform, end to end: Keycloak distribution, embedded PostgreSQL, the three services and the gateway,
 * booted once on free ports, driven through the gateway with real Keycloak tokens by the Java client generated at
 * build time from the merged OpenAPI document (module api-clients). Closing it must leave nothing running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Stack stack;
    private static EndToEndStack running;
    private static String createdId;

    @BeforeAll
    static void bootTheStack() {
        running = EndToEndStack.start("gateway");
        stack = running.stack();
    }

    @AfterAll
    static void closeTheStackAndLeaveNothingBehind() {
        if (running != null) {
            running.close();
        }
    }

    private static String token(String realm, String user) {
        return stack.tokens().passwordGrant(realm, user, "demo");
    }

    /** A generated client for the gateway that sends this bearer token (or none). */
    private static ApiClient client(String token) {
        ApiClient client = new ApiClient(HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5)), ApiClient.createDefaultObjectMapper(), stack.gatewayUrl());
        client.setReadTimeout(Duration.ofSeconds(30));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static OfficialAccountsApi officialAccounts(String token) {
        return new OfficialAccountsApi(client(token));
    }

    private static InstitutionsApi institutions(String token) {
        return new InstitutionsApi(client(token));
    }

    private static CallerApi caller(String token) {
        return new CallerApi(client(token));
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws ApiException;
    }

    /** The call must fail with this status and an RFC 9457 problem body. */
    private static void assertProblem(int status, Call call) {
        ApiException e = assertThrows(ApiException.class, call::run);
        assertEquals(status, e.getCode(), e.getResponseBody());
        String contentType = e.getResponseHeaders() == null ? ""
                : e.getResponseHeaders().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith("application/problem+json"), "problem+json expected, got " + contentType);
        assertEquals(status, json(e.getResponseBody()).path("status").asInt());
    }

    private static int statusOf(Call call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.getCode();
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static List<String> ids(PageResponseOfficialAccountView page) {
        return page.getItems().stream().map(account -> account.getId().toString()).toList();
    }

    private static OfficialAccountsApi.APIListOfficialAccountsRequest firstHundred() {
        return OfficialAccountsApi.APIListOfficialAccountsRequest.newBuilder().size(100).build();
    }

    @Test
    @Order(1)
    void keycloakIssuesTokensForTheImportedRealmsWithTheirRoles() throws Exception {
        JsonNode claims = KeycloakTokens.claims(token("minsante", "cm"));
        assertEquals(stack.issuer("minsante"), claims.path("iss").asText());
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        assertTrue(roles.contains("community-manager"), "realm_access.roles = " + roles);
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/q/health/ready"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
    }

    @Test
    @Order(2)
    void aCommunityManagerCreatesAndReadsAnOfficialAccountThroughTheGateway() throws Exception {
        OfficialAccountsApi api = officialAccounts(token("minsante", "cm"));
        String handle = "minsante_" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse<OfficialAccount> created = api.createOfficialAccountWithHttpInfo(
                OfficialAccountsApi.APICreateOfficialAccountRequest.newBuilder()
                        .officialAccountRequest(new OfficialAccountRequest().platform(AccountPlatform.FACEBOOK)
                                .handle("@" + handle).displayName("Ministère de la Santé publique"))
                        .build());
        assertEquals(201, created.getStatusCode());
        assertTrue(header(created, "Location").contains("/api/accounts/official/"), header(created, "Location"));
        assertFalse(header(created, "X-Request-Id").isBlank(), "the gateway sets a request id");
        createdId = created.getData().getId().toString();

        ApiResponse<OfficialAccount> read = api.getOfficialAccountWithHttpInfo(
                OfficialAccountsApi.APIGetOfficialAccountRequest.newBuilder().id(UUID.fromString(createdId)).build());
        assertEquals(200, read.getStatusCode());
        assertEquals(handle, read.getData().getHandle());
        assertEquals("\"0\"", header(read, "ETag"));
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
    }

    @Test
    @Order(3)
    void anotherInstitutionGets404OnThatIdAndDoesNotSeeItInLists() throws Exception {
        assertNotNull(createdId, "created by the previous test");
        OfficialAccountsApi mincom = officialAccounts(token("mincom", "cm"));
        assertProblem(404, () -> mincom.getOfficialAccount(
                OfficialAccountsApi.APIGetOfficialAccountRequest.newBuilder().id(UUID.fromString(createdId)).build()));
        assertFalse(ids(mincom.listOfficialAccounts(firstHundred())).contains(createdId), "mincom sees minsante's account");
        assertTrue(ids(officialAccounts(token("minsante", "viewer")).listOfficialAccounts(firstHundred())).contains(createdId),
                "minsante's own list shows it");
    }

    @Test
    @Order(4)
    void aViewerReadsButCannotCreate() throws Exception {
        OfficialAccountsApi viewer = officialAccounts(token("minsante", "viewer"));
        assertEquals(createdId, viewer.getOfficialAccount(OfficialAccountsApi.APIGetOfficialAccountRequest.newBuilder()
                .id(UUID.fromString(createdId)).build()).getId().toString());
        assertProblem(403, () -> viewer.createOfficialAccount(OfficialAccountsApi.APICreateOfficialAccountRequest
                .newBuilder().officialAccountRequest(new OfficialAccountRequest().platform(AccountPlatform.X)
                        .handle("viewer_attempt").displayName("x")).build()));
    }

    @Test
    @Order(5)
    void noTokenAndAMasterRealmTokenAnswer401() {
        assertProblem(401, () -> officialAccounts(null).listOfficialAccounts(firstHundred()));
        String master = masterRealmToken();
        assertProblem(401, () -> officialAccounts(master).listOfficialAccounts(firstHundred()));
        assertProblem(401, () -> caller(master).getWatchCaller());
    }

    @Test
    @Order(6)
    void watchAndPlanServicesKnowTheInstitutionsFromAccountsService() throws Exception {
        CallerApi analyst = caller(token("mincom", "analyst"));
        assertEquals("mincom", analyst.getWatchCaller().getInstitution());
        assertEquals("mincom", analyst.getPlanCaller().getInstitution());
    }

    @Test
    @Order(7)
    void aSuspendedInstitutionIsRefusedEverywhereWithinAMinute() throws Exception {
        InstitutionsApi operator = institutions(token("platform", "operator"));
        UUID mincomId = operator.listInstitutions(InstitutionsApi.APIListInstitutionsRequest.newBuilder().size(100).build())
                .getItems().stream().filter(institution -> institution.getSlug().equals("mincom"))
                .map(Institution::getId).findFirst().orElse(null);
        assertNotNull(mincomId, "mincom registered by the launcher");
        String cm = token("mincom", "cm");
        CallerApi mincomCaller = caller(cm);
        assertEquals("mincom", mincomCaller.getPlanCaller().getInstitution());

        operator.suspendInstitution(InstitutionsApi.APISuspendInstitutionRequest.newBuilder().id(mincomId)
                .statusChange(new StatusChange().reason("end-to-end test")).build());
        try {
            assertProblem(403, () -> officialAccounts(cm).listOfficialAccounts(firstHundred()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int watch = 0;
            int plan = 0;
            while (System.nanoTime() < deadline && (watch != 403 || plan != 403)) {
                Thread.sleep(1000);
                watch = statusOf(mincomCaller::getWatchCaller);
                plan = statusOf(mincomCaller::getPlanCaller);
            }
            assertEquals(403, watch, "watch-service refuses a suspended institution within 60 s");
            assertEquals(403, plan, "plan-service refuses a suspended institution within 60 s");
        } finally {
            operator.reactivateInstitution(InstitutionsApi.APIReactivateInstitutionRequest.newBuilder().id(mincomId)
                    .statusChange(new StatusChange().reason("test over")).build());
        }
    }

    @Test
    @Order(8)
    void theGatewayPublishesOneDocumentWithEveryServiceAndSwaggerUi() throws Exception {
        HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/openapi"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode());
        JsonNode openapi = json(document.body());
        assertTrue(openapi.path("x-vigie-missing-services").isMissingNode(), document.body());
        List<String> operationIds = new ArrayList<>();
        openapi.path("paths").forEach(item -> item.forEach(operation -> operationIds.add(operation.path("operationId").asText())));
        assertTrue(operationIds.containsAll(List.of("listOfficialAccounts", "getWatchCaller", "getPlanCaller")),
                operationIds.toString());
        HttpResponse<String> swagger = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/q/swagger-ui/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, swagger.statusCode());
        assertTrue(swagger.body().contains("/openapi"), "Swagger UI shows the merged document");
    }

    /**
     * What Swagger UI does when a user clicks Authorize: the authorization-code flow with PKCE of the public client
     * vigie-console, redirecting to the gateway's Swagger UI, then a call with that token.
     */
    @Test
    @Order(9)
    void swaggerUiLoginAsMinsanteCmGivesATokenThatWorksThroughTheGateway() throws Exception {
        String redirect = "http://localhost:8080/q/swagger-ui/oauth2-redirect.html";
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String realm = stack.keycloakUrl() + "/realms/minsante/protocol/openid-connect";
        HttpClient browser = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(realm + "/auth?client_id=vigie-console"
                + "&response_type=code&scope=openid&state=e2e&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, loginPage.statusCode(), "Keycloak accepts Swagger UI's redirect: " + loginPage.body());
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("action=\"([^\"]+)\"").matcher(loginPage.body());
        assertTrue(action.find(), "a login form");
        // Keycloak's session cookies are sent back as a browser would (some are marked Secure, which the JDK's
        // cookie store keeps for https only)
        String cookies = String.join("; ", loginPage.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList());
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=cm&password=demo&credentialId=")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, loggedIn.statusCode(), loggedIn.body());
        String location = loggedIn.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(redirect + "?"), location);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertTrue(code.find(), location);
        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(realm + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=vigie-console&code="
                        + code.group(1) + "&code_verifier=" + verifier + "&redirect_uri="
                        + URLEncoder.encode(redirect, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        String accessToken = JSON.readTree(token.body()).path("access_token").asText();
        assertNotNull(officialAccounts(accessToken).listOfficialAccounts(firstHundred()).getItems());
        assertEquals("minsante", caller(accessToken).getAccountsCaller().getInstitution());
    }

    @Test
    @Order(10)
    void aCitizensCheckOfALookalikeNamesTheDemoAccountItImitatesWithoutAToken() throws Exception {
        PublicVerificationApi citizen = new PublicVerificationApi(client(null));
        PublicVerification lookalike = citizen.verifyPublicAccount(PublicVerificationApi.APIVerifyPublicAccountRequest
                .newBuilder().url("https://www.facebook.com/MinSante.Officiel?mibextid=ZbWKwL").build());
        assertFalse(lookalike.getOfficial(), "a lookalike is not official");
        assertTrue(lookalike.getResembles().stream().anyMatch(account -> account.getHandle().equals("minsantecm")
                && account.getInstitution().getSlug().equals("minsante")),
                "it names the seeded account it imitates: " + lookalike.getResembles());
        PublicVerification official = citizen.verifyPublicAccount(PublicVerificationApi.APIVerifyPublicAccountRequest
                .newBuilder().platform("FACEBOOK").handle(" @MinSanteCM ").build());
        assertTrue(official.getOfficial());
        assertEquals("minsante", official.getInstitution().getSlug());
    }

    /** A real token from Keycloak's own master realm and client admin-cli: no Vigie service may accept it (realm and client). */
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
