package cm.vigie.devstack.e2e.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import cm.vigie.devstack.e2e.EndToEndStack;
import cm.vigie.devstack.e2e.security.Api;
import cm.vigie.devstack.e2e.security.Api.Reply;

/**
 * Issue 16, item 4, on the real stack (Keycloak, PostgreSQL, the services, through the gateway): mincom's community
 * manager registers a look-alike of minsante's Facebook page; the public check must not vouch for it and must name
 * minsante's account; mincom cannot get it verified by itself; an operator decides through the queue, audited; the
 * demo's own accounts, verified at start, stay official. See docs/adr/0025-official-account-verification.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficialAccountProofIT {

    static final String LOOKALIKE = "minsante.officiel";
    static final String MINSANTE_NAME = "Ministère de la Santé publique";

    private static EndToEndStack running;
    private static Api api;
    private static String gateway;
    private static String lookalikeId;
    private static String lookalikeClaim;

    @BeforeAll
    static void bootTheStack() {
        running = EndToEndStack.start("official-proof");
        api = new Api(running.stack());
        gateway = running.stack().gatewayUrl();
    }

    @AfterAll
    static void closeTheStack() {
        if (running != null) {
            running.close();
        }
    }

    static JsonNode publicCheck(String platform, String handle) {
        Reply reply = api.call(gateway, "GET", "/api/public/verify?platform=" + platform + "&handle="
                + URLEncoder.encode(handle, StandardCharsets.UTF_8), null, null);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    static Reply as(String realm, String user, String method, String path, String json) {
        return api.call(gateway, method, path, api.token(realm, user), json);
    }

    static void expect(int status, Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
        if (status >= 400) {
            assertTrue(reply.isProblem(), "problem+json: " + reply);
        }
    }

    static List<JsonNode> items(JsonNode page) {
        return elements(page.path("items"));
    }

    @Test
    @Order(1)
    void theDemosOwnAccountsAreVerifiedAtStartAndStayOfficial() {
        for (String[] account : new String[][] { { "FACEBOOK", "MinSanteCM", "minsante" }, { "X", "minsante_cm", "minsante" },
                { "FACEBOOK", "MinComCM", "mincom" } }) {
            JsonNode answer = publicCheck(account[0], account[1]);
            assertTrue(answer.path("official").asBoolean(), "demo account official: " + answer);
            assertEquals(account[2], answer.path("institution").path("slug").asText());
        }
        Reply listed = as("minsante", "viewer", "GET", "/api/accounts/official?size=100", null);
        expect(200, listed);
        JsonNode page = items(listed.json()).stream().filter(a -> a.path("handle").asText().equals("minsantecm"))
                .findFirst().orElseThrow();
        assertEquals("VERIFIED", page.path("verification").asText());
        Reply history = as("minsante", "viewer", "GET", "/api/accounts/official/" + page.path("id").asText()
                + "/history?size=100", null);
        expect(200, history);
        assertTrue(items(history.json()).stream().anyMatch(e -> e.path("action").asText().equals("OFFICIAL_ACCOUNT_VERIFIED")
                && e.path("actor").asText().equals("operator") && !e.path("reason").asText().isBlank()),
                "the demo's verification is in the account's history: " + history);
    }

    @Test
    @Order(2)
    void mincomsLookalikeOfMinsanteIsPendingAndThePublicCheckNamesMinsantesAccount() {
        Reply created = as("mincom", "cm", "POST", "/api/accounts/official", """
                {"platform":"FACEBOOK","handle":"minsante.officiel","displayName":"Ministère de la Santé publique"}""");
        expect(201, created);
        assertEquals("PENDING_VERIFICATION", created.json().path("verification").asText());
        lookalikeId = created.json().path("id").asText();

        JsonNode answer = publicCheck("FACEBOOK", LOOKALIKE);
        assertFalse(answer.path("official").asBoolean(), "the look-alike is not official: " + answer);
        assertTrue(answer.path("institution").isNull() || answer.path("institution").isMissingNode(), answer.toString());
        assertTrue(elements(answer.path("resembles")).stream()
                .anyMatch(r -> r.path("platform").asText().equals("FACEBOOK") && r.path("handle").asText().equals("minsantecm")
                        && r.path("displayName").asText().equals(MINSANTE_NAME)
                        && r.path("institution").path("slug").asText().equals("minsante")
                        && !r.path("institution").path("name").asText().isBlank()),
                "resembles names minsante's verified account: " + answer);
    }

    @Test
    @Order(3)
    void mincomsInstitutionAdminCannotGetItVerifiedByTheCheckAlone() {
        Reply code = as("mincom", "admin", "POST", "/api/accounts/official/" + lookalikeId + "/verification", null);
        expect(200, code);
        assertTrue(code.json().path("code").asText().matches("VIGIE-[A-Z2-9]{10}"), code.toString());
        Reply checked = as("mincom", "admin", "POST", "/api/accounts/official/" + lookalikeId + "/verification/check",
                "{\"evidenceUrl\":\"https://www.facebook.com/minsante.officiel\"}");
        expect(200, checked);
        assertEquals("QUEUED", checked.json().path("state").asText(), checked.toString());
        assertTrue(checked.json().path("operatorReviewRequired").asBoolean(), checked.toString());
        lookalikeClaim = checked.json().path("id").asText();
        assertFalse(publicCheck("FACEBOOK", LOOKALIKE).path("official").asBoolean());

        // Submitting again, deciding, or even seeing the queue: all refused to the institution.
        expect(409, as("mincom", "admin", "POST", "/api/accounts/official/" + lookalikeId + "/verification/check",
                "{\"evidenceUrl\":\"https://www.facebook.com/minsante.officiel\"}"));
        expect(403, as("mincom", "admin", "GET", "/api/institutions/verifications", null));
        expect(403, as("mincom", "admin", "POST", "/api/institutions/verifications/" + lookalikeClaim + "/approve",
                "{\"reason\":\"it is ours\"}"));
        expect(403, as("mincom", "cm", "POST", "/api/institutions/verifications/" + lookalikeClaim + "/approve",
                "{\"reason\":\"it is ours\"}"));
        assertFalse(publicCheck("FACEBOOK", LOOKALIKE).path("official").asBoolean());
        Reply account = as("mincom", "admin", "GET", "/api/accounts/official/" + lookalikeId, null);
        assertEquals("PENDING_VERIFICATION", account.json().path("verification").asText(), account.toString());
    }

    @Test
    @Order(4)
    void anOperatorRejectsTheLookalikeThroughTheQueueAndTheDecisionIsAudited() {
        Reply queue = as("platform", "operator", "GET", "/api/institutions/verifications?size=100", null);
        expect(200, queue);
        JsonNode item = items(queue.json()).stream().filter(i -> i.path("id").asText().equals(lookalikeClaim)).findFirst()
                .orElseThrow(() -> new AssertionError("claim not in the queue: " + queue));
        assertEquals("mincom", item.path("institution").path("slug").asText());
        assertEquals(LOOKALIKE, item.path("account").path("handle").asText());
        assertTrue(elements(item.path("resembles")).stream().anyMatch(r -> r.path("kind").asText().equals("OFFICIAL_ACCOUNT")
                && r.path("institution").asText().equals("minsante") && r.path("handle").asText().equals("minsantecm")),
                item.toString());

        String reason = "Imitates the Ministry of Public Health's page";
        Reply rejected = as("platform", "operator", "POST", "/api/institutions/verifications/" + lookalikeClaim + "/reject",
                "{\"reason\":\"" + reason + "\"}");
        expect(200, rejected);
        assertEquals("REJECTED", rejected.json().path("state").asText());
        expect(409, as("platform", "operator", "POST", "/api/institutions/verifications/" + lookalikeClaim + "/approve",
                "{\"reason\":\"second thoughts\"}"));
        assertFalse(publicCheck("FACEBOOK", LOOKALIKE).path("official").asBoolean());

        Reply history = as("mincom", "cm", "GET", "/api/accounts/official/" + lookalikeId + "/history?size=100", null);
        expect(200, history);
        assertTrue(items(history.json()).stream().anyMatch(e -> e.path("action").asText().equals("OFFICIAL_ACCOUNT_VERIFICATION_REJECTED")
                && e.path("actor").asText().equals("operator") && e.path("reason").asText().equals(reason)
                && !e.path("at").asText().isBlank()), "who, when, why in the history: " + history);
    }

    @Test
    @Order(5)
    void anOperatorApprovesAnHonestClaimAndOnlyThenIsItOfficial() {
        Reply created = as("mincom", "cm", "POST", "/api/accounts/official", """
                {"platform":"X","handle":"@MinComDiaspora","displayName":"MINCOM Diaspora"}""");
        expect(201, created);
        String id = created.json().path("id").asText();
        assertFalse(publicCheck("X", "MinComDiaspora").path("official").asBoolean());
        expect(200, as("mincom", "cm", "POST", "/api/accounts/official/" + id + "/verification", null));
        Reply checked = as("mincom", "cm", "POST", "/api/accounts/official/" + id + "/verification/check",
                "{\"evidenceUrl\":\"https://x.com/MinComDiaspora/status/1866000000000000000\"}");
        expect(200, checked);
        assertEquals("QUEUED", checked.json().path("state").asText());
        assertEquals("NO_CONNECTOR", checked.json().path("check").asText());
        expect(200, as("platform", "operator", "POST", "/api/institutions/verifications/" + checked.json().path("id").asText()
                + "/approve", "{\"reason\":\"Code seen in the pinned post\"}"));
        JsonNode answer = publicCheck("X", "MinComDiaspora");
        assertTrue(answer.path("official").asBoolean(), answer.toString());
        assertEquals("mincom", answer.path("institution").path("slug").asText());
        expect(409, as("mincom", "cm", "POST", "/api/accounts/official/" + id + "/verification", null));
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
