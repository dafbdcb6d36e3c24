package cm.vigie.watch.hoax.similarity;

import java.nio.charset.StandardCharsets;

/** Stable 64-bit hashes: the same text gives the same features in every JVM and on every run. */
final class Hashing {

    private Hashing() {
    }

    /** FNV-1a over the UTF-8 bytes, then mixed. */
    static long hash(String value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return hashOfBytes(value);
            }
            // an ASCII character is its own UTF-8 byte
            hash ^= c;
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    static long hashOfBytes(String value) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    /** The SplitMix64 finaliser: spreads every input bit over the output. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
