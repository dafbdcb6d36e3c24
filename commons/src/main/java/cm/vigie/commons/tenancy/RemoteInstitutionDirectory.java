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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The directory as seen by services other than accounts-service: read from accounts-service, cached. accounts-service
 * keeps the directory in its own database, where other services cannot LISTEN: every {@code version-poll} this
 * replica asks {@code /internal/institutions/version} with {@code If-None-Match} (a 304 when nothing changed, a few
 * bytes) and reloads as soon as the version moved, so a suspension or new quotas apply everywhere within about that
 * period plus one load (ADR 0029). The maximum age still bounds staleness when accounts-service cannot be asked.
 */
@DefaultBean
@Singleton
public class RemoteInstitutionDirectory extends InstitutionDirectory {

    static final String PATH = "/internal/institutions";
    static final String VERSION_PATH = PATH + "/version";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(RemoteInstitutionDirectory.class);

    private final Optional<String> accountsUrl;
    private final ServiceKey serviceKey;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService versionPoller;
    private volatile String knownVersion;

    RemoteInstitutionDirectory(@ConfigProperty(name = "vigie.accounts.url") Optional<String> accountsUrl,
            @ConfigProperty(name = "vigie.institutions.max-age", defaultValue = "15s") Duration maxAge,
            @ConfigProperty(name = "vigie.institutions.version-poll", defaultValue = "500ms") Duration versionPoll,
            ServiceKey serviceKey, ObjectMapper json) {
        super(Clock.systemUTC(), maxAge);
        this.accountsUrl = accountsUrl;
        this.serviceKey = serviceKey;
        this.json = json;
        if (accountsUrl.isPresent() && versionPoll.toMillis() > 0) {
            versionPoller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "vigie-directory-version");
                thread.setDaemon(true);
                return thread;
            });
            versionPoller.scheduleWithFixedDelay(this::pollVersion, 0, versionPoll.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            versionPoller = null;
        }
    }

    /**
     * One look at the directory's version; a new one reloads. The first answer is only noted: a snapshot loaded before
     * it may miss a change made meanwhile for at most the maximum age, and none was loaded at start-up.
     */
    void pollVersion() {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create(Issuers.stripTrailingSlash(accountsUrl.orElseThrow()) + VERSION_PATH))
                    .timeout(TIMEOUT).header(ServiceKey.HEADER, serviceKey.value()).GET();
            String known = knownVersion;
            if (known != null) {
                request.header("If-None-Match", known);
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                return;
            }
            String version = response.headers().firstValue("ETag").orElse(null);
            if (version != null && !version.equals(known)) {
                knownVersion = version;
                if (known != null) {
                    changed();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // accounts-service down or older: the maximum age keeps bounding staleness
            LOG.debugf("Institution directory version unavailable: %s", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (versionPoller != null) {
            versionPoller.shutdownNow();
        }
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
