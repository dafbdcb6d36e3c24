package cm.vigie.accounts.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points accounts-service's Keycloak admin client at a {@link FakeKeycloakAdmin}: every {@code @QuarkusTest} of the
 * module onboards institutions against it; the real Keycloak is exercised by devstack's end-to-end suite.
 */
public class FakeKeycloakAdminResource implements QuarkusTestResourceLifecycleManager {

    /** Short, so that the test of a lost answer does not wait long; the fake answers in milliseconds otherwise. */
    public static final int TIMEOUT_SECONDS = 5;

    private FakeKeycloakAdmin fake;

    @Override
    public Map<String, String> start() {
        try {
            fake = new FakeKeycloakAdmin();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "vigie.keycloak-admin.url", fake.url(),
                "vigie.keycloak-admin.username", FakeKeycloakAdmin.USERNAME,
                "vigie.keycloak-admin.password", FakeKeycloakAdmin.PASSWORD,
                "vigie.keycloak-admin.timeout", TIMEOUT_SECONDS + "s",
                "vigie.keycloak-admin.orphan-check-every", "1s");
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}
