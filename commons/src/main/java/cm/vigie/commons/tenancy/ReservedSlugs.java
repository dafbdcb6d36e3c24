package cm.vigie.commons.tenancy;

import java.util.Set;

/**
 * Names no institution may take as its slug (and so as its realm): Keycloak's own realms, the operators' realm, and
 * every name that would collide with a top-level path of Keycloak ({@code /admin}, {@code /realms},
 * {@code /resources}, {@code /js}, {@code /health}, {@code /metrics}, ...) or of the gateway and services
 * ({@code /api}, {@code /q}, {@code /openapi}, {@code /internal}, {@code /api/public}, ...). The one list: onboarding
 * refuses them, and the token check never accepts a realm of that name as an institution.
 */
public final class ReservedSlugs {

    public static final Set<String> NAMES = Set.of(
            // Keycloak's administration realm and Vigie's operators' realm
            "master", "platform",
            // Keycloak's top-level paths and its well-known pages
            "admin", "realms", "resources", "js", "health", "metrics", "welcome", "welcome-content", "robots",
            "favicon", "auth", "keycloak", "account", "console", "management", "oauth", "oidc", "saml", "protocol",
            "login", "logout", "token", "certs", "broker", "login-actions", "version",
            // the gateway's and the services' paths
            "api", "internal", "public", "q", "openapi", "swagger", "swagger-ui", "docs", "dev", "dev-ui", "static",
            "institutions", "accounts", "watch", "plans", "verify", "me", "status", "ready", "live", "started",
            // words that would pass for Vigie itself or its operators
            "vigie", "root", "system", "operator", "operators", "support", "security", "www");

    private ReservedSlugs() {
    }

    public static boolean isReserved(String slug) {
        return slug != null && NAMES.contains(slug);
    }

    /** Reserved, or the operators' realm when it is configured under another name. */
    public static boolean isReserved(String slug, String platformRealm) {
        return isReserved(slug) || (slug != null && slug.equals(platformRealm));
    }
}
