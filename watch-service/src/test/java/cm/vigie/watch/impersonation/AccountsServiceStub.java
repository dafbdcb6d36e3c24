package cm.vigie.watch.impersonation;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A WireMock stand-in for accounts-service's impersonation scoring, on 127.0.0.1. */
public class AccountsServiceStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of("vigie.watch.impersonation.url", server.baseUrl(),
                "vigie.watch.impersonation.retry-every", "1s",
                "vigie.watch.impersonation.retry-after", "PT8S",
                "vigie.watch.impersonation.timeout", "PT5S",
                "cm.vigie.watch.impersonation.ImpersonationClient/score/CircuitBreaker/delay", "1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
