package cm.vigie.accounts.keycloak;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How accounts-service reaches the Keycloak Admin REST API to create, disable and enable institution realms.
 *
 * <p>It authenticates to {@code realm} with client {@code client-id}: with {@code client-secret} set, by the
 * client-credentials grant of a confidential client whose service account holds the master realm's
 * {@code create-realm} and {@code admin} roles (production); otherwise by the password grant of an admin user
 * ({@code username}/{@code password}, the local stack's bootstrap admin). Secrets come from the environment
 * ({@code VIGIE_KEYCLOAK_ADMIN_PASSWORD}, {@code VIGIE_KEYCLOAK_ADMIN_CLIENT_SECRET}), never from the repository.
 */
@ConfigMapping(prefix = "vigie.keycloak-admin")
public interface KeycloakAdminConfig {

    /** Base URL of Keycloak for admin calls (inside a cluster, its internal address). */
    String url();

    @WithDefault("master")
    String realm();

    @WithDefault("admin-cli")
    String clientId();

    Optional<String> clientSecret();

    Optional<String> username();

    Optional<String> password();

    /** Per admin call; creating a realm takes one to three seconds. */
    @WithDefault("20s")
    Duration timeout();

    /**
     * How long a realm that an onboarding may have created but could not register is watched for, to be removed
     * when Keycloak finishes creating it after the onboarding gave up (its answer outlived {@link #timeout()}).
     */
    @WithDefault("10m")
    Duration orphanWatch();

    /** How often such realms are looked for. */
    @WithDefault("5s")
    Duration orphanCheckEvery();

    /** Redirect URIs of the {@code vigie-console} client in realms created from the template. */
    @WithDefault("http://localhost:3000/*,http://localhost:5173/*")
    List<String> consoleRedirectUris();
}
