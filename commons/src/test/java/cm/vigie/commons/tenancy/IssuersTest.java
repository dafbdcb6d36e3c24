package cm.vigie.commons.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IssuersTest {

    private static final String KEYCLOAK = "http://127.0.0.1:8180";

    private static String token(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void readsTheClaimedIssuerOfACompactToken() {
        assertEquals(Optional.of(KEYCLOAK + "/realms/minsante"),
                Issuers.claimedIssuer(token("{\"iss\":\"" + KEYCLOAK + "/realms/minsante\"}")));
    }

    @Test
    void rejectsWhatIsNotACompactTokenWithATextIssuer() {
        assertTrue(Issuers.claimedIssuer("not-a-token").isEmpty());
        assertTrue(Issuers.claimedIssuer("a.b.c").isEmpty());
        assertTrue(Issuers.claimedIssuer(token("{\"iss\":42}")).isEmpty());
        assertTrue(Issuers.claimedIssuer(token("{}")).isEmpty());
        assertTrue(Issuers.claimedIssuer(null).isEmpty());
    }

    @Test
    void readsTheClaimedClientOfACompactToken() {
        assertEquals(Optional.of("admin-cli"), Issuers.authorizedParty(token("{\"azp\":\"admin-cli\"}")));
        assertTrue(Issuers.authorizedParty(token("{\"azp\":[\"vigie-console\"]}")).isEmpty());
        assertTrue(Issuers.authorizedParty(token("{}")).isEmpty());
        assertTrue(Issuers.authorizedParty("a.b.c").isEmpty());
    }

    @Test
    void acceptsOnlyRealmsOfTheConfiguredKeycloak() {
        assertEquals(Optional.of("minsante"), Issuers.realmOf(KEYCLOAK + "/realms/minsante", KEYCLOAK + "/"));
        assertTrue(Issuers.realmOf("http://evil.example/realms/minsante", KEYCLOAK).isEmpty());
        assertTrue(Issuers.realmOf(KEYCLOAK + "/realms/minsante/../master", KEYCLOAK).isEmpty());
        assertTrue(Issuers.realmOf(KEYCLOAK + "/realms/MinSante", KEYCLOAK).isEmpty());
        assertTrue(Issuers.realmOf(KEYCLOAK + "0/realms/minsante", KEYCLOAK).isEmpty());
        assertTrue(Issuers.realmOf(KEYCLOAK + "/realms/", KEYCLOAK).isEmpty());
    }

    @Test
    void aTokenIssuedBeyondTheClockSkewIsFromTheFuture() {
        java.time.Instant now = java.time.Instant.ofEpochSecond(1_800_000_000L);
        java.time.Duration skew = java.time.Duration.ofSeconds(60);
        assertTrue(Issuers.issuedInTheFuture(token("{\"iat\":1800000061}"), now, skew));
        assertTrue(!Issuers.issuedInTheFuture(token("{\"iat\":1800000060}"), now, skew), "within the skew");
        assertTrue(!Issuers.issuedInTheFuture(token("{\"iat\":1799999000}"), now, skew));
        assertTrue(!Issuers.issuedInTheFuture(token("{\"iss\":\"x\"}"), now, skew), "no iat: left to the verifier");
        assertTrue(!Issuers.issuedInTheFuture(token("{\"iat\":\"soon\"}"), now, skew));
        assertTrue(!Issuers.issuedInTheFuture("not-a-token", now, skew));
    }
}
