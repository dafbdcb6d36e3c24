package cm.vigie.watch.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Accent and case folding by canonical decomposition: {@code toLowerCase(ROOT)} of the text in NFD without its
 * combining marks ({@code "L'HÔPITAL"} → {@code "l'hopital"}). Most posts only hold characters whose folding does not
 * depend on their neighbours; those are folded one by one from a table filled on first use, and any other text
 * (emoji and other surrogate pairs, the Greek capital sigma whose lower case depends on the next letter, characters
 * past U+2FFF) takes the full {@link Normalizer} path, so both paths give the same result.
 */
public final class Fold {

    private static final int TABLE_SIZE = 0x3000;
    private static final char UNKNOWN = '\u0000';
    /** The character folds to nothing (a combining mark). */
    private static final char DROP = '\uFFFE';
    /** The character needs the full path (its folding is not exactly one character, or depends on context). */
    private static final char SLOW = '\uFFFF';
    /** Folded form of each character below {@link #TABLE_SIZE}, filled lazily; races only write the same value. */
    private static final char[] TABLE = new char[TABLE_SIZE];

    private Fold() {
    }

    /** Lower case without diacritics: NFD, combining marks removed, then {@code toLowerCase(Locale.ROOT)}. */
    public static String decomposedLowerCase(String text) {
        return fold(text, false);
    }

    /**
     * The folding of stored text and hashtags: {@link #decomposedLowerCase}, then {@code ’} → {@code '},
     * {@code œ} → {@code o} and {@code æ} → {@code a}.
     */
    public static String forStorage(String text) {
        return fold(text, true);
    }

    private static String fold(String text, boolean storage) {
        int length = text.length();
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            // NFD leaves ASCII alone and it has no marks
            return text.toLowerCase(Locale.ROOT);
        }
        char[] out = new char[length];
        int size = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            char folded = c < TABLE_SIZE ? TABLE[c] : SLOW;
            if (folded == UNKNOWN) {
                folded = learn(c);
            }
            if (folded == SLOW) {
                return storage ? storageReplacements(slow(text)) : slow(text);
            }
            if (folded == DROP) {
                continue;
            }
            out[size++] = storage ? storageReplacement(folded) : folded;
        }
        return new String(out, 0, size);
    }

    private static char learn(char c) {
        String folded = slow(String.valueOf(c));
        char value;
        if (c == '\u03A3' || Character.isSurrogate(c)) {
            value = SLOW;
        } else if (folded.isEmpty()) {
            value = DROP;
        } else if (folded.length() == 1 && folded.charAt(0) != DROP && folded.charAt(0) != SLOW
                && folded.charAt(0) != UNKNOWN) {
            value = folded.charAt(0);
        } else {
            value = SLOW;
        }
        TABLE[c] = value;
        return value;
    }

    /** The reference definition. */
    static String slow(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (!isMark(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String storageReplacements(String folded) {
        return folded.replace('\u2019', '\'').replace('œ', 'o').replace('æ', 'a');
    }

    private static char storageReplacement(char c) {
        return switch (c) {
            case '\u2019' -> '\'';
            case 'œ' -> 'o';
            case 'æ' -> 'a';
            default -> c;
        };
    }

    /** {@code \p{M}}: non-spacing, enclosing and combining spacing marks. */
    public static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** {@code [\p{L}\p{N}]}: a letter or a number of any kind (decimal digit, letter number such as Ⅻ, or other such as ²). */
    public static boolean isLetterOrNumber(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** {@code \p{N}}. */
    public static boolean isNumber(int cp) {
        if (cp < 0x80) {
            return cp >= '0' && cp <= '9';
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
