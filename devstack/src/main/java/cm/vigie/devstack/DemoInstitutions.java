package cm.vigie.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * accounts-service, as the platform operator. Idempotent: an institution that is already there answers 409.
 */
public final class DemoInstitutions {

    public record Institution(String slug, String nameFr, String nameEn, String type) {
    }

    public static final List<Institution> ALL = List.of(
            new Institution("minsante", "Ministère de la Santé publique", "Ministry of Public Health", "MINISTRY"),
            new Institution("mincom", "Ministère de la Communication", "Ministry of Communication", "MINISTRY"));

    static final String OPERATOR_REALM = "platform";
    static final String OPERATOR_USERNAME = "operator";
    static final String OPERATOR_PASSWORD = "demo";

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
            int status = post(institution, token);
            outcome.add(institution.slug() + (status == 201 ? " registered" : " already registered"));
        }
        return outcome;
    }

    private int post(Institution institution, String token) {
        URI uri = URI.create(accountsUrl + "/api/institutions");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(institution)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status != 201 && status != 409) {
                throw new StackException("Registering institution " + institution.slug() + " failed: POST " + uri
                        + " answered " + status + " " + response.body());
            }
            return status;
        } catch (IOException e) {
            throw new StackException("Could not reach accounts-service at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while registering the demo institutions", e);
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
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
