package cm.vigie.accounts.keycloak;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/** Institution realms in Keycloak: create from the template, check, disable, enable, remove. */
@ApplicationScoped
public class KeycloakRealms {

    private static final Logger LOG = Logger.getLogger(KeycloakRealms.class);

    private final KeycloakAdminClient client;
    private final RealmTemplate template;

    KeycloakRealms(KeycloakAdminClient client, RealmTemplate template) {
        this.client = client;
        this.template = template;
    }

    /** Creates the realm with its roles, console client and first admin, all in one import. */
    public void create(NewRealm realm) {
        client.createRealm(template.render(realm));
        LOG.infof("Created Keycloak realm %s", realm.slug());
    }

    public boolean exists(String slug) {
        return client.realm(slug).isPresent();
    }

    /** Whether the realm lets its users sign in. */
    public boolean isEnabled(String slug) {
        return client.realm(slug)
                .orElseThrow(() -> new KeycloakAdminException(KeycloakAdminException.Reason.REALM_MISSING, "Realm " + slug + " is missing"))
                .path("enabled").asBoolean(false);
    }

    public void setEnabled(String slug, boolean enabled) {
        client.setEnabled(slug, enabled);
        LOG.infof("%s Keycloak realm %s", enabled ? "Enabled" : "Disabled", slug);
    }

    /** Removes a realm this service just created and could not register; never throws. */
    public void deleteQuietly(String slug) {
        try {
            client.deleteRealm(slug);
            LOG.warnf("Removed Keycloak realm %s: its institution could not be registered", slug);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Keycloak realm %s was created but its institution could not be registered, and removing it failed: remove it by hand", slug);
        }
    }
}
