package cm.vigie.accounts.keycloak;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.keycloak.admin.client.resource.RealmResource;

/**
 * Admin access to one institution's realm, for the services of accounts-service that manage what lives in it (members,
 * sign-in policy) without knowing how the admin credentials are held.
 *
 * <pre>
 * UserRepresentation user = realms.call(slug, "read member", realm -> realm.users().get(id).toRepresentation());
 * </pre>
 */
@ApplicationScoped
public class InstitutionRealmAdmin {

    private final KeycloakAdmin admin;

    InstitutionRealmAdmin(KeycloakAdmin admin) {
        this.admin = admin;
    }

    /**
     * Runs {@code call} on the realm {@code slug}; Keycloak's 404 becomes {@link KeycloakAdminException.Reason#NOT_FOUND},
     * 409 {@link KeycloakAdminException.Reason#EXISTS}, 400 {@link KeycloakAdminException.Reason#REJECTED}.
     */
    public <T> T call(String slug, String what, Function<RealmResource, T> call) {
        return admin.call(what + " in realm " + slug, KeycloakAdminException.Reason.NOT_FOUND,
                KeycloakAdminException.Reason.EXISTS, keycloak -> call.apply(keycloak.realm(slug)));
    }

    /** Same as {@link #call} for calls that answer nothing. */
    public void run(String slug, String what, java.util.function.Consumer<RealmResource> call) {
        call(slug, what, realm -> {
            call.accept(realm);
            return null;
        });
    }
}
