package cm.vigie.accounts.keycloak;

import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;

import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.spi.ResteasyClientProvider;

import io.quarkus.keycloak.admin.rest.client.runtime.KeycloakAdminRestClientProvider;

/**
 * The Keycloak Admin REST API through Keycloak's own admin client library ({@code quarkus-keycloak-admin-rest-client}),
 * built from {@link KeycloakAdminConfig} so that the credentials keep their {@code vigie.keycloak-admin.*} keys. Every
 * call goes through {@link #call}, which turns the library's JAX-RS exceptions into {@link KeycloakAdminException}s.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private final KeycloakAdminConfig config;
    private volatile Keycloak keycloak;

    KeycloakAdmin(KeycloakAdminConfig config) {
        this.config = config;
    }

    /**
     * Runs {@code call} against the admin API. A 401 is retried once with a new token (Keycloak restarted or the token
     * was revoked); 404 and 409 come back as {@code missing} / {@code exists}, other refusals as FAILED, an unreachable
     * or slow Keycloak as UNAVAILABLE.
     */
    public <T> T call(String what, KeycloakAdminException.Reason missing, KeycloakAdminException.Reason exists,
            Function<Keycloak, T> call) {
        try {
            Keycloak client = client();
            try {
                return call.apply(client);
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() != 401) {
                    throw e;
                }
                client.tokenManager().grantToken();
                return call.apply(client);
            }
        } catch (WebApplicationException e) {
            // the library's proxies throw a plain WebApplicationException whatever the status
            int status = e.getResponse().getStatus();
            throw switch (status) {
                case 404 -> new KeycloakAdminException(missing, "Keycloak could not " + what + ": not found");
                case 409 -> new KeycloakAdminException(exists, "Keycloak could not " + what + ": it exists");
                case 401, 403 -> new KeycloakAdminException(KeycloakAdminException.Reason.UNAVAILABLE,
                        "Keycloak refused the admin credentials of accounts-service (HTTP " + status + ")");
                case 400 -> new KeycloakAdminException(KeycloakAdminException.Reason.REJECTED,
                        "Keycloak could not " + what + ": HTTP 400 " + body(e));
                default -> new KeycloakAdminException(KeycloakAdminException.Reason.FAILED,
                        "Keycloak could not " + what + ": HTTP " + status + " " + body(e));
            };
        } catch (ProcessingException e) {
            throw new KeycloakAdminException(KeycloakAdminException.Reason.UNAVAILABLE,
                    "Keycloak unreachable or too slow at " + config.url() + " to " + what + ": " + e.getMessage(), e);
        }
    }

    private Keycloak client() {
        Keycloak current = keycloak;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (keycloak == null) {
                keycloak = build();
            }
            return keycloak;
        }
    }

    private Keycloak build() {
        KeycloakBuilder builder = KeycloakBuilder.builder().serverUrl(config.url()).realm(config.realm())
                .clientId(config.clientId()).resteasyClient(httpClient());
        if (config.clientSecret().isPresent()) {
            builder.grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientSecret(config.clientSecret().get());
        } else {
            builder.grantType(OAuth2Constants.PASSWORD)
                    .username(config.username().orElseThrow(() -> new KeycloakAdminException(
                            KeycloakAdminException.Reason.UNAVAILABLE,
                            "No Keycloak admin credentials configured (vigie.keycloak-admin.client-secret or username/password)")))
                    .password(config.password().orElse(""));
        }
        return builder.build();
    }

    /** The extension's client (Jackson set up for Keycloak's representations, TLS from Quarkus) with our deadlines. */
    private Client httpClient() {
        ResteasyClientProvider provider = Keycloak.getClientProvider() != null ? Keycloak.getClientProvider()
                : new KeycloakAdminRestClientProvider(false);
        Client client = provider.newRestEasyClient(null, null, false);
        client.property(QuarkusRestClientProperties.CONNECT_TIMEOUT, config.timeout().toMillis());
        client.property(QuarkusRestClientProperties.READ_TIMEOUT, config.timeout().toMillis());
        return client;
    }

    private static String body(WebApplicationException e) {
        try {
            String body = e.getResponse().hasEntity() ? e.getResponse().readEntity(String.class) : "";
            return body.substring(0, Math.min(300, body.length()));
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
