package cm.vigie.commons.tenancy;

import java.util.Set;

/** Realm roles, as they appear in {@code realm_access.roles}. */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String INSTITUTION_ADMIN = "institution-admin";
    public static final String COMMUNITY_MANAGER = "community-manager";
    public static final String ANALYST = "analyst";
    public static final String APPROVER = "approver";
    public static final String VIEWER = "viewer";

    /**
     * Roles that mean something only in a token of the operators' realm ({@code vigie.keycloak.platform-realm}); a role
     * of the same name in an institution realm is dropped ({@link OperatorRealmRoles}).
     */
    public static final Set<String> OPERATOR_ROLES = Set.of(PLATFORM_ADMIN);

    private Roles() {
    }
}
