package cm.vigie.accounts.keycloak;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.keycloak.representations.idm.RealmRepresentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Institution realms in Keycloak: create from the template, check, disable, enable, remove. */
@ApplicationScoped
public class KeycloakRealms {

    private static final Logger LOG = Logger.getLogger(KeycloakRealms.class);

    private final KeycloakAdmin admin;
    private final RealmTemplate template;
    private final ObjectMapper strict;

    KeycloakRealms(KeycloakAdmin admin, RealmTemplate template, ObjectMapper json) {
        this.admin = admin;
        this.template = template;
        // a template key the library does not know would be dropped silently and change the realm: refuse it instead
        this.strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Creates the realm with its roles, console client and first admin, all in one import. */
    public void create(NewRealm realm) {
        RealmRepresentation representation = representation(realm);
        admin.call("create realm " + realm.slug(), KeycloakAdminException.Reason.REALM_MISSING,
                KeycloakAdminException.Reason.REALM_EXISTS, keycloak -> {
                    keycloak.realms().create(representation);
                    return null;
                });
        LOG.infof("Created Keycloak realm %s", realm.slug());
    }

    RealmRepresentation representation(NewRealm realm) {
        try {
            return strict.treeToValue(template.render(realm), RealmRepresentation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The realm template does not fit Keycloak's RealmRepresentation", e);
        }
    }

    public boolean exists(String slug) {
        try {
            admin.call("read realm " + slug, KeycloakAdminException.Reason.REALM_MISSING,
                    KeycloakAdminException.Reason.REALM_EXISTS, keycloak -> keycloak.realm(slug).toRepresentation());
            return true;
        } catch (KeycloakAdminException e) {
            if (e.reason() == KeycloakAdminException.Reason.REALM_MISSING) {
                return false;
            }
            throw e;
        }
    }

    /** Changes only {@code enabled}: Keycloak leaves every setting absent from the representation as it is. */
    public void setEnabled(String slug, boolean enabled) {
        RealmRepresentation change = new RealmRepresentation();
        change.setRealm(slug);
        change.setEnabled(enabled);
        admin.call((enabled ? "enable" : "disable") + " realm " + slug, KeycloakAdminException.Reason.REALM_MISSING,
                KeycloakAdminException.Reason.REALM_EXISTS, keycloak -> {
                    keycloak.realm(slug).update(change);
                    return null;
                });
        LOG.infof("%s Keycloak realm %s", enabled ? "Enabled" : "Disabled", slug);
    }

    /** Removes the realm; false when there is none (yet). */
    public boolean removeIfPresent(String slug) {
        try {
            admin.call("delete realm " + slug, KeycloakAdminException.Reason.NOT_FOUND,
                    KeycloakAdminException.Reason.EXISTS, keycloak -> {
                        keycloak.realm(slug).remove();
                        return null;
                    });
        } catch (KeycloakAdminException e) {
            if (e.reason() == KeycloakAdminException.Reason.NOT_FOUND) {
                return false;
            }
            throw e;
        }
        LOG.warnf("Removed Keycloak realm %s: its institution could not be registered", slug);
        return true;
    }
}
