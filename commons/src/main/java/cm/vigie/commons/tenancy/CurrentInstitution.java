package cm.vigie.commons.tenancy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The institution of the current caller: the realm whose keys verified the token. Never read from a path or a
 * header, except on an internal endpoint that checked the service key ({@link ServiceCall}). Empty outside a
 * request, for anonymous callers and for platform operators.
 */
@ApplicationScoped
public class CurrentInstitution {

    /** Attribute set by Quarkus OIDC on the identity: the tenant (here, realm) that verified the token. */
    public static final String TENANT_ID_ATTRIBUTE = "tenant-id";

    private final CurrentIdentityAssociation identities;
    private final KeycloakSettings keycloak;
    private final ServiceCall serviceCall;

    CurrentInstitution(CurrentIdentityAssociation identities, KeycloakSettings keycloak, ServiceCall serviceCall) {
        this.identities = identities;
        this.keycloak = keycloak;
        this.serviceCall = serviceCall;
    }

    public Optional<String> slug() {
        return realm().filter(realm -> !realm.equals(keycloak.platformRealm()));
    }

    /** The realm that verified the caller's token, {@code platform} included. */
    public Optional<String> realm() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        Optional<String> internal = serviceCall.institution();
        if (internal.isPresent()) {
            return internal;
        }
        SecurityIdentity identity = identities.getIdentity();
        return realmOf(identity);
    }

    /** The realm that verified this identity's token; empty for anonymous identities. */
    public static Optional<String> realmOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Object tenant = identity.getAttribute(TENANT_ID_ATTRIBUTE);
        return tenant instanceof String realm && Issuers.REALM_NAME.matcher(realm).matches() ? Optional.of(realm)
                : Optional.empty();
    }
}
