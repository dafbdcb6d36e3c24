package cm.vigie.commons.tenancy;

/** Realm roles, as they appear in {@code realm_access.roles}. */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String INSTITUTION_ADMIN = "institution-admin";
    public static final String COMMUNITY_MANAGER = "community-manager";
    public static final String ANALYST = "analyst";
    public static final String APPROVER = "approver";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
