package cm.vigie.commons.tenancy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the realms live. Tokens must be issued by {@code <url>/realms/<realm>}. */
@ConfigMapping(prefix = "vigie.keycloak")
public interface KeycloakSettings {

    /** Public base URL of Keycloak, exactly as it appears in the tokens' {@code iss}. */
    String url();

    /** Base URL used to fetch signing keys when it differs from the public one (inside a cluster). */
    Optional<String> internalUrl();

    /** Largest clock difference tolerated with Keycloak: a token issued further in the future is refused. */
    @WithDefault("60S")
    Duration clockSkew();

    /** Realm of the platform operators. */
    @WithDefault("platform")
    String platformRealm();

    /**
     * Vigie's own clients: a token is accepted only when its {@code azp} (the client it was issued to) is one of
     * them. Every realm also has Keycloak's own public clients ({@code admin-cli}, {@code account-console}, ...);
     * their tokens answer 401.
     */
    @WithDefault("vigie-console")
    Set<String> clients();
}
