package cm.vigie.commons.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Access tokens shaped like Keycloak's, signed with a realm key of the {@link TestIdentityProvider}. */
public final class TestTokens {

    private final String realm;
    private String issuer;
    private String signingRealm;
    private String user = "user";
    private String client = "vigie-console";
    private List<String> roles = List.of();
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofMinutes(5);

    private TestTokens(String realm) {
        this.realm = realm;
        this.signingRealm = realm;
        this.issuer = TestIdentityProvider.get().baseUrl() + "/realms/" + realm;
    }

    public static TestTokens realm(String realm) {
        return new TestTokens(realm);
    }

    /** A bearer header value for a user of a realm holding the given realm roles. */
    public static String bearer(String realm, String user, String... roles) {
        return "Bearer " + realm(realm).user(user).roles(roles).sign();
    }

    public TestTokens user(String user) {
        this.user = user;
        return this;
    }

    public TestTokens roles(String... roles) {
        this.roles = List.of(roles);
        return this;
    }

    /** The client the token says it was issued to ({@code azp}); null leaves the claim out. */
    public TestTokens client(String client) {
        this.client = client;
        return this;
    }

    public TestTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    /** Signs with another realm's key while claiming this realm. */
    public TestTokens signedByRealm(String otherRealm) {
        this.signingRealm = otherRealm;
        return this;
    }

    public TestTokens issuedAt(Instant issuedAt, Duration lifetime) {
        this.issuedAt = issuedAt;
        this.lifetime = lifetime;
        return this;
    }

    public String sign() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(UUID.nameUUIDFromBytes((realm + "/" + user).getBytes()).toString());
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(issuedAt.plus(lifetime).getEpochSecond()));
        claims.setClaim("typ", "Bearer");
        if (client != null) {
            claims.setClaim("azp", client);
        }
        claims.setClaim("preferred_username", user);
        claims.setClaim("realm_access", Map.of("roles", roles));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        var key = TestIdentityProvider.get().keyOf(signingRealm);
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
