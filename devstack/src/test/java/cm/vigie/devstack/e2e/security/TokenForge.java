package cm.vigie.devstack.e2e.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cm.vigie.devstack.KeycloakNode;
import cm.vigie.devstack.e2e.security.Api.Reply;

/**
 * Makes hostile tokens. To forge tokens whose only fault is a claim (expired, not yet valid, ...), it adds an RSA key
 * of its own to a realm through Keycloak's admin API, at a priority below the realm's own key (Keycloak keeps signing
 * with its key, but publishes both): a token signed with it is genuinely the realm's, which the control token proves.
 */
public final class TokenForge {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Api api;
    private final KeyPair realmKey;
    private String kid;

    public TokenForge(Api api) throws Exception {
        this.api = api;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        realmKey = generator.generateKeyPair();
    }

    private String keycloak() {
        return api.stack().keycloakUrl();
    }

    /** Publishes this forge's key in the realm's JWKS; returns its kid. */
    String trustIn(String realm) throws Exception {
        String admin = adminToken();
        Reply realmInfo = api.call(keycloak(), "GET", "/admin/realms/" + realm, admin, null);
        assertEquals(200, realmInfo.status(), realmInfo.toString());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(realmKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        ObjectNode component = Api.JSON.createObjectNode().put("name", "security-suite-rsa").put("providerId", "rsa")
                .put("providerType", "org.keycloak.keys.KeyProvider").put("parentId", realmInfo.json().path("id").asText());
        ObjectNode config = component.putObject("config");
        config.putArray("priority").add("1");
        config.putArray("enabled").add("true");
        config.putArray("active").add("true");
        config.putArray("algorithm").add("RS256");
        config.putArray("privateKey").add(pem);
        Reply created = api.call(keycloak(), "POST", "/admin/realms/" + realm + "/components", admin, component.toString());
        assertEquals(201, created.status(), created.toString());
        String modulus = B64.encodeToString(unsigned(((RSAPublicKey) realmKey.getPublic()).getModulus()));
        for (JsonNode key : jwks(realm).path("keys")) {
            if (modulus.equals(key.path("n").asText())) {
                kid = key.path("kid").asText();
            }
        }
        assertTrue(kid != null, "the forge's key is not in " + realm + "'s JWKS");
        return kid;
    }

    JsonNode jwks(String realm) {
        return api.call(keycloak(), "GET", "/realms/" + realm + "/protocol/openid-connect/certs", null, null).json();
    }

    private String adminToken() {
        String form = "client_id=admin-cli&grant_type=password&username="
                + URLEncoder.encode(KeycloakNode.ADMIN_USERNAME, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(KeycloakNode.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        Reply reply = api.send(keycloak(), "POST", "/realms/master/protocol/openid-connect/token", null,
                java.net.http.HttpRequest.BodyPublishers.ofString(form), "application/x-www-form-urlencoded", java.util.Map.of());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().path("access_token").asText();
    }

    /** A token of Keycloak's master realm (its administrator). */
    public String masterToken() {
        return adminToken();
    }

    static ObjectNode header(String token) {
        return (ObjectNode) json(token.split("\\.")[0]);
    }

    static ObjectNode payload(String token) {
        return (ObjectNode) json(token.split("\\.")[1]);
    }

    private static JsonNode json(String part) {
        try {
            return Api.JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static String encode(JsonNode node) {
        return B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** RS256 with the forge's key (published in the realm by {@link #trustIn}), with its kid unless the header has one. */
    String signed(ObjectNode header, JsonNode payload) throws Exception {
        header.put("alg", "RS256");
        if (!header.has("kid")) {
            header.put("kid", kid);
        }
        String input = encode(header) + "." + encode(payload);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(realmKey.getPrivate());
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(rsa.sign());
    }

    /** RS256 with a key nobody published. */
    static String selfSigned(ObjectNode header, JsonNode payload) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair own = generator.generateKeyPair();
        header.put("alg", "RS256");
        String input = encode(header) + "." + encode(payload);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(own.getPrivate());
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(rsa.sign());
    }

    /** HS256 keyed with the given bytes (the realm's public key, the classic algorithm-confusion attack). */
    static String hmac(ObjectNode header, JsonNode payload, byte[] key) throws Exception {
        header.put("alg", "HS256");
        String input = encode(header) + "." + encode(payload);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static String unsignedNone(ObjectNode header, JsonNode payload) {
        header.put("alg", "none");
        header.remove("kid");
        return encode(header) + "." + encode(payload) + ".";
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
