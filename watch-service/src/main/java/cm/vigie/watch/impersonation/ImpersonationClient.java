package cm.vigie.watch.impersonation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.commons.tenancy.ServiceKey;

/**
 * Calls accounts-service's impersonation scoring. Jobs have no caller token, so every call presents the service
 * key and names the institution ({@code X-Vigie-Institution}); see docs/adr/0006-watch-delivery-and-impersonation.md.
 * A timeout bounds each call and a circuit breaker stops calling a service that keeps failing: callers treat any
 * exception as "not checked yet".
 */
@ApplicationScoped
public class ImpersonationClient {

    public static final String INSTITUTION_HEADER = cm.vigie.commons.tenancy.ServiceCall.INSTITUTION_HEADER;
    static final String PATH = "/internal/accounts/impersonation/score";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
    private final ImpersonationSettings settings;
    private final ServiceKey serviceKey;
    private final ObjectMapper json;

    ImpersonationClient(ImpersonationSettings settings, ServiceKey serviceKey, ObjectMapper json) {
        this.settings = settings;
        this.serviceKey = serviceKey;
        this.json = json;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS, successThreshold = 1)
    public ScoreResponse score(String institutionId, ScoreRequest request) throws IOException, InterruptedException {
        HttpRequest call = HttpRequest.newBuilder(URI.create(settings.url() + PATH))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(ServiceKey.HEADER, serviceKey.value())
                .header(INSTITUTION_HEADER, institutionId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request)))
                .build();
        HttpResponse<byte[]> response = http.send(call, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("accounts-service answered " + response.statusCode());
        }
        ScoreResponse scores = json.readValue(response.body(), ScoreResponse.class);
        if (scores.results() == null) {
            throw new IOException("accounts-service answered no results");
        }
        return scores;
    }
}
