package cm.vigie.plan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import cm.vigie.commons.testing.TestIdentityProvider;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Local stand-ins for accounts-service and watch-service: one WireMock server at both base URLs. Whatever a test
 * does not stub (the institution directory) is proxied to the {@link TestIdentityProvider}, which also signs tokens.
 */
public class PlanTestResource implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer stubs;

    public static synchronized WireMockServer stubs() {
        if (stubs == null) {
            stubs = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                    .containerThreads(20));
            stubs.start();
            Runtime.getRuntime().addShutdownHook(new Thread(stubs::stop));
            reset();
            warmUp("http://127.0.0.1:" + stubs.port() + "/internal/institutions");
        }
        return stubs;
    }

    /** Forgets every stub and recorded request, keeping the fallback to the identity provider. */
    public static void reset() {
        stubs.resetAll();
        stubs.stubFor(any(anyUrl()).atPriority(100)
                .willReturn(aResponse().proxiedFrom(TestIdentityProvider.get().baseUrl())));
    }

    /** The first proxied call starts WireMock's HTTP client: pay that before the service's first directory load. */
    private static void warmUp(String url) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("X-Vigie-Service-Key", TestIdentityProvider.SERVICE_KEY).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException("stubs do not answer", e);
        }
    }

    @Override
    public Map<String, String> start() {
        String url = "http://127.0.0.1:" + stubs().port();
        return Map.of(
                "vigie.keycloak.url", TestIdentityProvider.get().baseUrl(),
                "vigie.accounts.url", url,
                "vigie.watch.url", url,
                "vigie.watch.timeout", "500ms",
                "vigie.accounts.timeout", "500ms",
                "vigie.service-key", TestIdentityProvider.SERVICE_KEY);
    }

    /**
     * After the identity provider's resource, which sets {@code vigie.accounts.url} to itself: the last resource
     * started wins, and without an order the start order is whatever the set of test resources happens to be.
     */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public void stop() {
        // shared by every application start of the test JVM
    }
}
