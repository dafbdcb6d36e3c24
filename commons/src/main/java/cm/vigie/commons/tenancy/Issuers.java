package cm.vigie.commons.tenancy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the claimed issuer of a compact JWT before its signature is checked, only to choose which realm's keys
 * will check it. Nothing read here is trusted: the signature and the {@code iss} claim are verified afterwards
 * against the chosen realm.
 */
public final class Issuers {

    /** Realm names are institution slugs: lowercase letters, digits and dashes. */
    public static final Pattern REALM_NAME = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private Issuers() {
    }

    /** The {@code iss} claim of a compact JWS, if the token has that shape. */
    public static Optional<String> claimedIssuer(String token) {
        return payload(token).map(payload -> payload.get("iss"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /**
     * The {@code azp} claim (the client the token was issued to) of a compact JWS. Refusing on it before the
     * signature check is sound: the signature covers this very payload, so a token that then verifies carries it.
     */
    public static Optional<String> authorizedParty(String token) {
        return payload(token).map(payload -> payload.get("azp"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /**
     * Whether the token says it was issued after {@code now} plus the allowed clock skew. Quarkus OIDC checks
     * {@code exp} and {@code nbf} but not a future {@code iat}, which only a forged or mis-minted token carries.
     * Refusing on an unverified claim is safe: it can only keep a token out.
     */
    public static boolean issuedInTheFuture(String token, Instant now, Duration clockSkew) {
        return payload(token).map(payload -> payload.get("iat"))
                .filter(JsonNode::isNumber)
                .map(iat -> iat.asLong() > now.plus(clockSkew).getEpochSecond())
                .orElse(false);
    }

    private static Optional<JsonNode> payload(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return payload != null && payload.isObject() ? Optional.of(payload) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The realm of an issuer {@code <keycloakUrl>/realms/<realm>}, or empty for any other issuer. */
    public static Optional<String> realmOf(String issuer, String keycloakUrl) {
        String prefix = stripTrailingSlash(keycloakUrl) + "/realms/";
        if (issuer == null || !issuer.startsWith(prefix)) {
            return Optional.empty();
        }
        String realm = issuer.substring(prefix.length());
        return REALM_NAME.matcher(realm).matches() ? Optional.of(realm) : Optional.empty();
    }

    static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
