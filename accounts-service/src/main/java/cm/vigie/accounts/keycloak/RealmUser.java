package cm.vigie.accounts.keycloak;

import java.time.Instant;
import java.util.List;

/**
 * A user of an institution realm as the members API needs it: identity, Vigie realm roles, whether they can sign in,
 * what they still have to do, their latest live session and whether a second factor is enrolled.
 */
public record RealmUser(String id, String username, String email, String firstName, String lastName, boolean enabled,
        List<String> requiredActions, List<String> roles, Instant createdAt, Instant lastSignIn, boolean twoFactorEnrolled) {

    public boolean mustSetPassword() {
        return requiredActions.contains(RealmMembers.UPDATE_PASSWORD);
    }
}
