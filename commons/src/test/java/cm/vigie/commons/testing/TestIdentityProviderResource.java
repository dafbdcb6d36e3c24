package cm.vigie.commons.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a service under test at the {@link TestIdentityProvider} for realm keys and the institution directory. */
public class TestIdentityProviderResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestIdentityProvider provider = TestIdentityProvider.get();
        return Map.of(
                "vigie.keycloak.url", provider.baseUrl(),
                "vigie.accounts.url", provider.baseUrl(),
                "vigie.service-key", TestIdentityProvider.SERVICE_KEY);
    }

    @Override
    public void stop() {
        // shared by every application start of the test JVM
    }
}
