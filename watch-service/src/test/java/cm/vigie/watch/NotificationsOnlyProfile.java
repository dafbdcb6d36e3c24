package cm.vigie.watch;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * No periodic version check (one an hour): whatever another replica changed reaches this one by its notification or
 * not at all, so a test under this profile proves the notification path alone.
 */
public class NotificationsOnlyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("vigie.cluster.version-check", "1h");
    }
}
