package cm.vigie.devstack.e2e.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.e2e.security.Api.Reply;

/**
 * Hostile tokens against the gateway and each service directly. Each attack must be answered 401 (403 for a
 * suspended institution), as problem+json, never 5xx; the foreign issuer must never be called.
 */
final class TokenAttacks {

    /** One attack on one target. */
    record Outcome(String attack, String target, int status, boolean problem, String failure) {
    }

    /** Where: each server's own "who am I" plus one data path through the gateway. */
    private final Map<String, String[]> targets = new LinkedHashMap<>();
    private final Api api;
    private final TokenForge forge;
    private final ForeignIssuer foreign;
    final List<Outcome> outcomes = new ArrayList<>();

    TokenAttacks(Api api, TokenForge forge, ForeignIssuer foreign) {
        this.api = api;
        this.forge = forge;
        this.foreign = foreign;
        String gateway = api.stack().gatewayUrl();
        targets.put("gateway /api/accounts/official", new String[] { gateway, "/api/accounts/official" });
        targets.put("gateway /api/watch/me", new String[] { gateway, "/api/watch/me" });
        targets.put("gateway /api/plans/me", new String[] { gateway, "/api/plans/me" });
        targets.put("accounts-service /api/accounts/me", new String[] { api.stack().serviceUrl(ServiceModule.ACCOUNTS), "/api/accounts/me" });
        targets.put("watch-service /api/watch/me", new String[] { api.stack().serviceUrl(ServiceModule.WATCH), "/api/watch/me" });
        targets.put("plan-service /api/plans/me", new String[] { api.stack().serviceUrl(ServiceModule.PLAN), "/api/plans/me" });
    }

    Set<String> targetNames() {
        return targets.keySet();
    }

    /** The attacks, by name, each a raw Authorization header value (null: none at all). */
    Map<String, String> attacks() throws Exception {
        String real = api.token(Fixtures.A, "viewer");
        ObjectNode claims = TokenForge.payload(real);
        long now = Instant.now().getEpochSecond();
        String issuer = claims.path("iss").asText();
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("no token", null);
        attacks.put("empty bearer", "Bearer ");
        attacks.put("malformed (not a JWT)", "Bearer not-a-token");
        attacks.put("malformed (three garbage parts)", "Bearer eyJhbGciOi.eyJpc3MiOi.c2lnbmF0dXJl");
        attacks.put("malformed (12 KB)", "Bearer " + "a".repeat(6 * 1024) + "." + "b".repeat(6 * 1024) + ".c");
        attacks.put("Basic credentials", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        attacks.put("alg none", "Bearer " + TokenForge.unsignedNone(TokenForge.header(real), claims));
        JsonNode realmKey = null;
        String realKid = TokenForge.header(real).path("kid").asText();
        for (JsonNode key : forge.jwks(Fixtures.A).path("keys")) {
            if (realKid.equals(key.path("kid").asText())) {
                realmKey = key;
            }
        }
        byte[] der = realmKey == null || !realmKey.has("x5c") ? new byte[32]
                : Base64.getDecoder().decode(realmKey.path("x5c").get(0).asText());
        String pem = "-----BEGIN CERTIFICATE-----\n" + realmKey.path("x5c").get(0).asText() + "\n-----END CERTIFICATE-----\n";
        attacks.put("HS256 keyed with the realm's public key (PEM)",
                "Bearer " + TokenForge.hmac(TokenForge.header(real), claims, pem.getBytes(StandardCharsets.US_ASCII)));
        attacks.put("HS256 keyed with the realm's public key (DER)", "Bearer " + TokenForge.hmac(TokenForge.header(real), claims, der));
        attacks.put("HS256 keyed with the realm's modulus (JWK n)", "Bearer " + TokenForge.hmac(TokenForge.header(real), claims,
                realmKey.path("n").asText().getBytes(StandardCharsets.US_ASCII)));
        attacks.put("expired (signed by the realm)", "Bearer " + forge.signed(Api.JSON.createObjectNode(),
                claims.deepCopy().put("iat", now - 900).put("exp", now - 600)));
        attacks.put("not yet valid: nbf in the future (signed by the realm)", "Bearer " + forge.signed(Api.JSON.createObjectNode(),
                claims.deepCopy().put("iat", now).put("nbf", now + 600).put("exp", now + 900)));
        attacks.put("not yet valid: iat in the future (signed by the realm)", "Bearer " + forge.signed(Api.JSON.createObjectNode(),
                claims.deepCopy().put("iat", now + 3600).put("exp", now + 3900)));
        attacks.put("no exp (signed by the realm)", "Bearer " + forge.signed(Api.JSON.createObjectNode(), stripped(claims, "exp")));
        attacks.put("another realm's issuer on this realm's key", "Bearer " + forge.signed(Api.JSON.createObjectNode(),
                claims.deepCopy().put("iss", api.stack().issuer(Fixtures.B)).put("exp", now + 300)));
        attacks.put("issuer of an unknown realm", "Bearer " + forge.signed(Api.JSON.createObjectNode(),
                claims.deepCopy().put("iss", api.stack().issuer("nosuchrealm")).put("exp", now + 300)));
        attacks.put("issuer spelled with localhost", "Bearer " + forge.signed(Api.JSON.createObjectNode(),
                claims.deepCopy().put("iss", issuer.replace("127.0.0.1", "localhost")).put("exp", now + 300)));
        attacks.put("Keycloak master realm token", "Bearer " + forge.masterToken());
        String foreignIssuer = foreign.url() + "/realms/" + Fixtures.A;
        attacks.put("self-made issuer with jku/x5u pointing at it", "Bearer " + TokenForge.selfSigned(
                Api.JSON.createObjectNode().put("kid", "foreign").put("jku", foreign.url() + "/jwks").put("x5u", foreign.url() + "/cert"),
                claims.deepCopy().put("iss", foreignIssuer).put("exp", now + 300)));
        attacks.put("realm issuer, jku pointing at a foreign JWKS, unknown kid", "Bearer " + TokenForge.selfSigned(
                Api.JSON.createObjectNode().put("kid", "foreign-" + now).put("jku", foreign.url() + "/jwks"),
                claims.deepCopy().put("exp", now + 300)));
        attacks.put("realm token with jku header added (broken signature)", "Bearer " + withHeader(real, "jku", foreign.url() + "/jwks"));
        ObjectNode elevated = claims.deepCopy();
        elevated.putObject("realm_access").putArray("roles").add("institution-admin").add("platform-admin");
        String[] parts = real.split("\\.");
        attacks.put("roles edited (broken signature)", "Bearer " + parts[0] + "." + TokenForge.encode(elevated) + "." + parts[2]);
        attacks.put("signature stripped", "Bearer " + parts[0] + "." + parts[1] + ".");
        return attacks;
    }

    private static ObjectNode stripped(ObjectNode claims, String name) {
        ObjectNode copy = claims.deepCopy();
        copy.remove(name);
        return copy;
    }

    private static String withHeader(String token, String name, String value) {
        String[] parts = token.split("\\.");
        ObjectNode header = TokenForge.header(token).put(name, value);
        return TokenForge.encode(header) + "." + parts[1] + "." + parts[2];
    }

    /** A well-formed token signed with the forge's key: must be accepted, or the claim attacks prove nothing. */
    String control() throws Exception {
        ObjectNode claims = TokenForge.payload(api.token(Fixtures.A, "viewer"));
        long now = Instant.now().getEpochSecond();
        return forge.signed(Api.JSON.createObjectNode(), claims.put("iat", now).put("exp", now + 300));
    }

    void run(Map<String, String> attacks, Set<Integer> expected) {
        attacks.forEach((attack, authorization) -> targets.forEach((target, where) -> {
            Reply reply = api.send(where[0], "GET", where[1], null, null, null,
                    authorization == null ? Map.of() : Map.of("Authorization", authorization));
            String failure = null;
            if (!expected.contains(reply.status())) {
                failure = "expected " + expected + ", got " + reply;
            } else if (!reply.isProblem()) {
                failure = "not problem+json: " + reply.contentType();
            }
            outcomes.add(new Outcome(attack, target, reply.status(), reply.isProblem(), failure));
        }));
    }

    int hitsOnForeignIssuer() {
        return foreign.hits.size();
    }

    List<String> foreignHits() {
        return List.copyOf(foreign.hits);
    }

    String report() {
        StringBuilder md = new StringBuilder("# Token attacks\n\n| attack | target | status | problem+json | verdict |\n|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            md.append("| ").append(o.attack()).append(" | ").append(o.target()).append(" | ").append(o.status()).append(" | ")
                    .append(o.problem() ? "yes" : "no").append(" | ")
                    .append(o.failure() == null ? "ok" : "FAIL: " + o.failure().replace('|', '/').replace('\n', ' ')).append(" |\n");
        }
        md.append("\nCalls received by the foreign issuer: ").append(foreign.hits.size()).append('\n');
        return md.toString();
    }
}
