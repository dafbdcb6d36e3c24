package cm.vigie.commons.tenancy;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The one place where a verified token's realm roles are matched with the realm that signed it, before any
 * {@code @RolesAllowed} or {@code hasRole} sees them: operator roles ({@link Roles#OPERATOR_ROLES}) count only in a
 * token of the operators' realm, and only operator roles count there. Any realm administrator can create a role
 * named {@code platform-admin} in an institution realm; its users stay that institution's users. A token of the
 * operators' realm carrying institution roles gets no institution powers either: operators have no institution, so
 * such roles would reach institution data with no tenant to scope it (docs/adr/0024-operator-rights-and-clients.md).
 */
@ApplicationScoped
public class OperatorRealmRoles implements SecurityIdentityAugmentor {

    private final KeycloakSettings keycloak;

    OperatorRealmRoles(KeycloakSettings keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Optional<String> realm = CurrentInstitution.realmOf(identity);
        if (realm.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> kept = rolesThatCount(realm.get(), identity.getRoles());
        if (kept.size() == identity.getRoles().size()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(kept)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission)
                .setAnonymous(false)
                .build());
    }

    /** The roles of a token of {@code realm} that Vigie honours. */
    public Set<String> rolesThatCount(String realm, Set<String> roles) {
        boolean operators = realm.equals(keycloak.platformRealm());
        return roles.stream().filter(role -> Roles.OPERATOR_ROLES.contains(role) == operators)
                .collect(Collectors.toUnmodifiableSet());
    }
}
