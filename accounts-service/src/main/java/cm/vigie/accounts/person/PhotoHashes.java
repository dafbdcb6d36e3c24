package cm.vigie.accounts.person;

import java.util.Locale;

/** Perceptual hashes as the API shows them: 16 lowercase hex digits, no prefix. */
public final class PhotoHashes {

    private PhotoHashes() {
    }

    /** Accepts {@code E1C3...} and {@code 0xe1c3...}; validation has already checked the digits. */
    public static String normaliseHex(String hex) {
        String digits = hex.strip().toLowerCase(Locale.ROOT);
        return digits.startsWith("0x") ? digits.substring(2) : digits;
    }

    public static long toLong(String hex) {
        return Long.parseUnsignedLong(normaliseHex(hex), 16);
    }

    public static String toHex(long hash) {
        return String.format(Locale.ROOT, "%016x", hash);
    }
}
