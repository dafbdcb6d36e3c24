package cm.vigie.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the demo institutions (whose Keycloak realms ship with this module) in the Vigie registry of
 * accounts-service, as the platform operator, and a few official accounts of each, as its community manager, so that
 * a first start has something to verify and to imitate. Idempotent: what is already there answers 409.
 * <p>
 * Official accounts start unproven (docs/adr/0025-official-account-verification.md): the demo ones are proven as any
 * other would be without a connector, through the API: the community manager asks for a code and submits the page as
 * evidence, and the platform operator approves the claim from the verification queue, with a reason that says why.
 */
public final class DemoInstitutions {

    public record Institution(String slug, String nameFr, String nameEn, String type, List<OfficialAccount> accounts) {
    }

    public record OfficialAccount(String platform, String handle, String displayName) {
    }

    public static final List<Institution> ALL = List.of(
            new Institution("minsante", "Ministère de la Santé publique", "Ministry of Public Health", "MINISTRY", List.of(
                    new OfficialAccount("FACEBOOK", "MinSanteCM", "Ministère de la Santé publique"),
                    new OfficialAccount("X", "minsante_cm", "MINSANTE Cameroun"))),
            new Institution("mincom", "Ministère de la Communication", "Ministry of Communication", "MINISTRY", List.of(
                    new OfficialAccount("FACEBOOK", "MinComCM", "Ministère de la Communication"))));

    static final String OPERATOR_REALM = "platform";
    static final String OPERATOR_USERNAME = "operator";
    static final String OPERATOR_PASSWORD = "demo";
    static final String COMMUNITY_MANAGER = "cm";
    static final String APPROVAL_REASON = "Demo account of ./platform up: its page is the demo institution's own";
    private static final Map<String, String> PROFILE_URLS = Map.of("FACEBOOK", "https://www.facebook.com/",
            "X", "https://x.com/");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final KeycloakTokens tokens;
    private final String accountsUrl;

    public DemoInstitutions(HttpClient http, String keycloakUrl, String accountsUrl) {
        this.http = http;
        this.tokens = new KeycloakTokens(http, keycloakUrl);
        this.accountsUrl = accountsUrl;
    }

    /** Registers every demo institution; returns one line per institution saying what happened. */
    public List<String> register() {
        String token = tokens.passwordGrant(OPERATOR_REALM, OPERATOR_USERNAME, OPERATOR_PASSWORD);
        List<String> outcome = new ArrayList<>();
        for (Institution institution : ALL) {
            int status = post("/api/institutions", body(institution), token, "institution " + institution.slug());
            String cmToken = tokens.passwordGrant(institution.slug(), COMMUNITY_MANAGER, OPERATOR_PASSWORD);
            int created = 0;
            for (OfficialAccount account : institution.accounts()) {
                String what = account.platform() + " account " + account.handle() + " of " + institution.slug();
                created += post("/api/accounts/official", body(account), cmToken, what) == 201 ? 1 : 0;
            }
            int verified = verifyDemoAccounts(institution, cmToken, token);
            outcome.add(institution.slug() + (status == 201 ? " registered" : " already registered")
                    + (created > 0 ? ", " + created + " official accounts added" : "")
                    + (verified > 0 ? ", " + verified + " verified" : ""));
        }
        return outcome;
    }

    /** Proves the demo accounts not yet verified: code, evidence, the operator's approval. Answers how many. */
    int verifyDemoAccounts(Institution institution, String cmToken, String operatorToken) {
        JsonNode listed = json(send("GET", "/api/accounts/official?size=100", null, cmToken, "official accounts of "
                + institution.slug(), 200));
        int verified = 0;
        for (JsonNode account : listed.path("items")) {
            String platform = account.path("platform").asText();
            String handle = account.path("handle").asText();
            boolean demo = institution.accounts().stream().anyMatch(a -> a.platform().equals(platform)
                    && a.handle().equalsIgnoreCase(handle));
            if (!demo || "VERIFIED".equals(account.path("verification").asText())) {
                continue;
            }
            String id = account.path("id").asText();
            String what = platform + " account " + handle + " of " + institution.slug();
            send("POST", "/api/accounts/official/" + id + "/verification", null, cmToken, "a code for " + what, 200);
            String evidence = PROFILE_URLS.getOrDefault(platform, "https://" + platform.toLowerCase() + ".example/") + handle;
            JsonNode claim = json(send("POST", "/api/accounts/official/" + id + "/verification/check",
                    write(Map.of("evidenceUrl", evidence)), cmToken, "the evidence of " + what, 200));
            if (!"VERIFIED".equals(claim.path("state").asText())) {
                send("POST", "/api/institutions/verifications/" + claim.path("id").asText() + "/approve",
                        write(Map.of("reason", APPROVAL_REASON)), operatorToken, "the approval of " + what, 200);
            }
            verified++;
        }
        return verified;
    }

    private String send(String method, String path, String body, String token, String what, int expected) {
        URI uri = URI.create(accountsUrl + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new StackException("Verifying " + what + " failed: " + method + " " + uri + " answered "
                        + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new StackException("Could not reach accounts-service at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while verifying " + what, e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new StackException("accounts-service answered something that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private int post(String path, String body, String token, String what) {
        URI uri = URI.create(accountsUrl + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status != 201 && status != 409) {
                throw new StackException("Registering " + what + " failed: POST " + uri
                        + " answered " + status + " " + response.body());
            }
            return status;
        } catch (IOException e) {
            throw new StackException("Could not reach accounts-service at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while registering " + what, e);
        }
    }

    /** The demo realms ship with this module and are imported at start: accounts-service adopts them. */
    static String body(Institution institution) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", institution.slug());
        json.put("nameFr", institution.nameFr());
        json.put("nameEn", institution.nameEn());
        json.put("type", institution.type());
        json.put("adoptExistingRealm", true);
        return write(json);
    }

    static String body(OfficialAccount account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("platform", account.platform());
        json.put("handle", account.handle());
        json.put("displayName", account.displayName());
        return write(json);
    }

    private static String write(Map<String, ?> json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
