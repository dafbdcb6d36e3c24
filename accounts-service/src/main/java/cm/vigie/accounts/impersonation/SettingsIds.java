package cm.vigie.accounts.impersonation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The audit trail wants a UUID per object: the settings of an institution get a stable one from its slug. */
public final class SettingsIds {

    private SettingsIds() {
    }

    public static UUID of(String institutionSlug) {
        return UUID.nameUUIDFromBytes(("impersonation-settings:" + institutionSlug).getBytes(StandardCharsets.UTF_8));
    }
}
