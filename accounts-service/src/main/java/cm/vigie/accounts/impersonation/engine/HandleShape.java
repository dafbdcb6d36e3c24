package cm.vigie.accounts.impersonation.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A handle taken apart: its exact form, its confusable key, its core once the bait around it is removed, and that
 * bait. {@code @MinSante_CM_Officiel}, {@code minsаnte.cm} (Cyrillic а) and {@code minsante237} share the core
 * {@code rnlnsante}.
 */
final class HandleShape {

    enum BaitKind { CLAIM, FILLER, COUNTRY, DIGITS, TITLE }

    record Bait(BaitKind kind, String token) {
    }

    final String exact;
    /** Confusable key of the whole handle, separators removed. */
    final String full;
    /** Confusable key once claim words, filler, country tags, added digits and titles are removed. */
    final String core;
    /** Which characters occur in {@link #full} and {@link #core} (see {@link #letters}). */
    final long fullLetters;
    final long coreLetters;
    final List<Bait> baits;
    final int separators;
    final boolean fan;
    final boolean disguised;

    private HandleShape(String exact, String full, String core, List<Bait> baits, int separators, boolean fan,
            boolean disguised) {
        this.exact = exact;
        this.full = full;
        this.core = core;
        this.fullLetters = letters(full);
        this.coreLetters = letters(core);
        this.baits = baits;
        this.separators = separators;
        this.fan = fan;
        this.disguised = disguised;
    }

    /** One bit per letter a–z and digit, one for anything else. */
    static long letters(String key) {
        long bits = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 'a' && c <= 'z') {
                bits |= 1L << (c - 'a');
            } else if (c >= '0' && c <= '9') {
                bits |= 1L << (26 + c - '0');
            } else {
                bits |= 1L << 63;
            }
        }
        return bits;
    }

    static HandleShape of(String handle) {
        String clean = Text.cleanHandle(handle);
        String exact = clean.toLowerCase(java.util.Locale.ROOT);
        List<String> segments = Text.words(clean);
        int separators = 0;
        for (int i = 0; i < clean.length(); i++) {
            if (!Character.isLetterOrDigit(clean.charAt(i))) {
                separators++;
            }
        }
        StringBuilder full = new StringBuilder();
        StringBuilder core = new StringBuilder();
        List<Bait> baits = new ArrayList<>(2);
        boolean fan = false;
        for (String segment : segments) {
            full.append(Text.key(segment));
            String rest = peelDigits(segment, baits);
            if (rest.isEmpty()) {
                continue;
            }
            String key = Text.key(rest);
            if (Lexicon.FAN_KEYS.contains(key)) {
                fan = true;
                continue;
            }
            BaitKind whole = kindOf(key);
            if (whole != null) {
                baits.add(new Bait(whole, rest.toLowerCase(java.util.Locale.ROOT)));
                continue;
            }
            String withoutFan = stripFan(key);
            if (withoutFan.length() != key.length()) {
                fan = true;
                key = withoutFan;
            }
            core.append(stripGlued(key, baits));
        }
        String fullKey = full.toString();
        String coreKey = core.length() >= 3 ? core.toString() : fullKey;
        return new HandleShape(exact, fullKey, coreKey, List.copyOf(baits), separators, fan,
                Text.disguised(clean));
    }

    private static BaitKind kindOf(String key) {
        if (Lexicon.CLAIM_KEYS.contains(key)) {
            return BaitKind.CLAIM;
        }
        if (Lexicon.COUNTRY_KEYS.contains(key)) {
            return BaitKind.COUNTRY;
        }
        if (Lexicon.FILLER_KEYS.contains(key)) {
            return BaitKind.FILLER;
        }
        if (Lexicon.HONORIFIC_KEYS.contains(key) && key.length() >= 2) {
            return BaitKind.TITLE;
        }
        return null;
    }

    /**
     * Removes digits added before or after a word ({@code minsante2024}, {@code 237minsante}). A single 0 or 1 is
     * left in place: at the edge of a word it is more likely a letter in disguise ({@code paul_ndong0}).
     */
    private static String peelDigits(String segment, List<Bait> baits) {
        int end = segment.length();
        while (end > 0 && Character.isDigit(segment.charAt(end - 1))) {
            end--;
        }
        int start = 0;
        while (start < end && Character.isDigit(segment.charAt(start))) {
            start++;
        }
        if (start == 0 && end == segment.length()) {
            return segment;
        }
        if (start >= end) {
            // Only digits: an added number ("_2024") or a country code ("_237").
            baits.add(new Bait(segment.equals("237") ? BaitKind.COUNTRY : BaitKind.DIGITS, segment));
            return "";
        }
        String trailing = segment.substring(end);
        String leading = segment.substring(0, start);
        if (isLookalikeDigit(trailing)) {
            end = segment.length();
            trailing = "";
        }
        if (isLookalikeDigit(leading)) {
            start = 0;
            leading = "";
        }
        for (String digits : new String[] {leading, trailing}) {
            if (!digits.isEmpty()) {
                baits.add(new Bait(digits.equals("237") ? BaitKind.COUNTRY : BaitKind.DIGITS, digits));
            }
        }
        return segment.substring(start, end);
    }

    private static boolean isLookalikeDigit(String digits) {
        return digits.equals("0") || digits.equals("1");
    }

    /** Strips claim words and country tags glued to a word, as long as a word of four letters or more remains. */
    private static String stripGlued(String key, List<Bait> baits) {
        boolean changed = true;
        for (int round = 0; changed && round < 3; round++) {
            changed = false;
            for (String suffix : Lexicon.GLUED_SUFFIXES) {
                if (key.length() - suffix.length() >= 4 && key.endsWith(suffix)) {
                    key = key.substring(0, key.length() - suffix.length());
                    baits.add(new Bait(kindOfGlued(suffix), suffix));
                    changed = true;
                    break;
                }
            }
            for (String prefix : Lexicon.GLUED_PREFIXES) {
                if (key.length() - prefix.length() >= 4 && key.startsWith(prefix)) {
                    key = key.substring(prefix.length());
                    baits.add(new Bait(kindOfGlued(prefix), prefix));
                    changed = true;
                    break;
                }
            }
        }
        return key;
    }

    private static String stripFan(String key) {
        for (String suffix : Lexicon.GLUED_FAN_SUFFIXES) {
            if (key.length() - suffix.length() >= 4 && key.endsWith(suffix)) {
                return key.substring(0, key.length() - suffix.length());
            }
        }
        for (String prefix : Lexicon.GLUED_FAN_PREFIXES) {
            if (key.length() - prefix.length() >= 4 && key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    private static BaitKind kindOfGlued(String key) {
        BaitKind kind = kindOf(key);
        return kind == null ? BaitKind.FILLER : kind;
    }

    /** Whether this handle carries a bait of the given kind and token that {@code reference} does not. */
    List<Bait> baitsBeyond(HandleShape reference) {
        if (baits.isEmpty()) {
            return List.of();
        }
        List<Bait> extra = new ArrayList<>(baits.size());
        for (Bait bait : baits) {
            if (reference == null || !reference.baits.contains(bait)) {
                extra.add(bait);
            }
        }
        return extra;
    }
}
