package cm.vigie.commons.tenancy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** The directory as seen by services other than accounts-service: read from accounts-service, cached. */
@DefaultBean
@Singleton
public class RemoteInstitutionDirectory extends InstitutionDirectory {

    static final String PATH = "/internal/institutions";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Optional<String> accountsUrl;
    private final ServiceKey serviceKey;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    RemoteInstitutionDirectory(@ConfigProperty(name = "vigie.accounts.url") Optional<String> accountsUrl,
            @ConfigProperty(name = "vigie.institutions.max-age", defaultValue = "15s") Duration maxAge,
            ServiceKey serviceKey, ObjectMapper json) {
        super(Clock.systemUTC(), maxAge);
        this.accountsUrl = accountsUrl;
        this.serviceKey = serviceKey;
        this.json = json;
    }

    @Override
    protected List<KnownInstitution> load() throws Exception {
        String base = accountsUrl.orElseThrow(() -> new IllegalStateException("vigie.accounts.url is not set"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(Issuers.stripTrailingSlash(base) + PATH))
                .timeout(TIMEOUT)
                .header(ServiceKey.HEADER, serviceKey.value())
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("accounts-service answered " + response.statusCode());
        }
        return json.readValue(response.body(), new TypeReference<List<KnownInstitution>>() {
        });
    }

    @Override
    protected Executor executor() {
        return Infrastructure.getDefaultWorkerPool();
    }
}
