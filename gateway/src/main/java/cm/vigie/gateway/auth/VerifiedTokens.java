package cm.vigie.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens this gateway has already verified, so that a client sending the same token again is not checked
 * again (signature, claims and issuer cost far more than forwarding the request). Only successes are remembered;
 * a refused token is checked afresh every time.
 *
 * <p>An entry is keyed by the SHA-256 of the token, never the token itself, and holds only the realm that verified
 * it. It lives until the token's own {@code exp} or {@code maxAge}, whichever comes first, so a cached token never
 * outlives its validity and a key rotation or a removed realm is seen within {@code maxAge}. The cache holds at most
 * {@code maxEntries}: when full, expired entries go first, then everything (a burst of new tokens costs one check
 * each, as without the cache).
 */
public final class VerifiedTokens {

    /** A verified token: its realm, until when it may be trusted without a new check (epoch milliseconds). */
    public record Verified(String realm, long trustedUntilMillis) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Map<Key, Verified> entries = new ConcurrentHashMap<>();
    private final long maxAgeMillis;
    private final int maxEntries;
    private final LongSupplier clockMillis;

    public VerifiedTokens(long maxAgeMillis, int maxEntries, LongSupplier clockMillis) {
        this.maxAgeMillis = maxAgeMillis;
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
    }

    /** The realm that verified this token, if it was verified and may still be trusted. */
    public Verified find(String token) {
        if (maxEntries <= 0) {
            return null;
        }
        Key key = Key.of(token);
        Verified verified = entries.get(key);
        if (verified == null) {
            return null;
        }
        if (verified.trustedUntilMillis() <= clockMillis.getAsLong()) {
            entries.remove(key, verified);
            return null;
        }
        return verified;
    }

    /**
     * Remembers a token just verified by the realm's keys.
     *
     * @param expiresAtSeconds the token's {@code exp} claim (epoch seconds); a token without one is not remembered
     */
    public void remember(String token, String realm, long expiresAtSeconds) {
        if (maxEntries <= 0 || expiresAtSeconds <= 0) {
            return;
        }
        long now = clockMillis.getAsLong();
        long until = Math.min(expiresAtSeconds * 1000, now + maxAgeMillis);
        if (until <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            evictExpired();
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(Key.of(token), new Verified(realm, until));
    }

    /** Forgets what may no longer be trusted. */
    public void evictExpired() {
        long now = clockMillis.getAsLong();
        entries.values().removeIf(verified -> verified.trustedUntilMillis() <= now);
    }

    public int size() {
        return entries.size();
    }

    /** A token's SHA-256. */
    private record Key(byte[] digest, int hash) {

        static Key of(String token) {
            MessageDigest sha = SHA256.get();
            byte[] digest = sha.digest(token.getBytes(StandardCharsets.UTF_8));
            return new Key(digest, Arrays.hashCode(digest));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && MessageDigest.isEqual(digest, key.digest);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
