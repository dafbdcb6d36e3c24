package cm.vigie.commons.tenancy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Chooses the realm that must have signed the bearer token: the one its {@code iss} names, provided it is
 * {@code <vigie.keycloak.url>/realms/<realm>} and the realm is {@code platform} or a known institution.
 * Any other issuer, a reserved realm name ({@link ReservedSlugs}), a token issued to a client that is not one of
 * Vigie's ({@code vigie.keycloak.clients}, read from {@code azp}) or a token issued in the future (beyond
 * {@code vigie.keycloak.clock-skew}) fails authentication (401) without any outbound call. Requests without a bearer token go to
 * the disabled default tenant, that is, stay anonymous.
 */
@ApplicationScoped
public class RealmTenantConfigResolver implements TenantConfigResolver {

    private static final String BEARER = "bearer ";

    private final KeycloakSettings keycloak;
    private final InstitutionDirectory directory;
    private final Map<String, OidcTenantConfig> configs = new ConcurrentHashMap<>();

    RealmTenantConfigResolver(KeycloakSettings keycloak, InstitutionDirectory directory) {
        this.keycloak = keycloak;
        this.directory = directory;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        Optional<String> realm = Issuers.claimedIssuer(token).flatMap(issuer -> Issuers.realmOf(issuer, keycloak.url()));
        if (realm.isEmpty() || Issuers.issuedInTheFuture(token, Instant.now(), keycloak.clockSkew())) {
            return refused();
        }
        if (!Issuers.authorizedParty(token).filter(keycloak.clients()::contains).isPresent()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Token was not issued to a Vigie client"));
        }
        if (realm.get().equals(keycloak.platformRealm())) {
            return Uni.createFrom().item(configFor(realm.get()));
        }
        if (ReservedSlugs.isReserved(realm.get())) {
            return refused();
        }
        return Uni.createFrom().completionStage(directory.find(realm.get()))
                .flatMap(known -> known.isPresent() ? Uni.createFrom().item(configFor(realm.get())) : refused());
    }

    private static Uni<OidcTenantConfig> refused() {
        return Uni.createFrom().failure(new AuthenticationFailedException("Token issuer is not a Vigie realm"));
    }

    private OidcTenantConfig configFor(String realm) {
        return configs.computeIfAbsent(realm, this::buildConfig);
    }

    private OidcTenantConfig buildConfig(String realm) {
        String issuer = Issuers.stripTrailingSlash(keycloak.url()) + "/realms/" + realm;
        String keysBase = Issuers.stripTrailingSlash(keycloak.internalUrl().orElse(keycloak.url())) + "/realms/" + realm;
        return OidcTenantConfig.builder()
                .tenantId(realm)
                .authServerUrl(keysBase)
                .discoveryEnabled(false)
                .jwksPath("protocol/openid-connect/certs")
                .applicationType(ApplicationType.SERVICE)
                .token().issuer(issuer).principalClaim("preferred_username").end()
                .roles().roleClaimPath("realm_access/roles").end()
                .build();
    }
}
