package cm.vigie.accounts.impersonation.engine;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text folding shared by references and candidates, so that both sides are compared in the same space. */
final class Text {

    /** Immutable once built (ICU), hence shared by every thread. */
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private Text() {
    }

    /** The exact lookup form of a handle: trimmed, no leading {@code @}, compatibility-normalised, lower case. */
    static String exactHandle(String handle) {
        return cleanHandle(handle).toLowerCase(Locale.ROOT);
    }

    /**
     * A handle without whitespace, invisible format characters (zero-width spaces pasted with it) and leading
     * {@code @}, case kept.
     */
    static String cleanHandle(String handle) {
        String s = NFKC.normalize(handle.strip());
        int start = 0;
        while (start < s.length() && (s.charAt(start) == '@' || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        StringBuilder out = new StringBuilder(s.length() - start);
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The confusable key of a piece of text: NFKC, lower case, UTS #39 skeleton (so Cyrillic а, Greek ο, 0 and o,
     * 1 and l, rn and m meet), accents removed, and {@code i} folded onto {@code l} (the skeleton maps capital I to
     * l, which lower case would otherwise hide). Whitespace and punctuation are kept as they are.
     */
    static String key(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String ascii = asciiKey(text);
        if (ascii != null) {
            return ascii;
        }
        return icuKey(text);
    }

    /** {@link #key} through ICU, for any text. */
    static String icuKey(String text) {
        // Lower case first: the skeleton maps m to rn but leaves M alone. Capital I is not lost, since i and l
        // are folded together below.
        String skeleton = SPOOF.getSkeleton(NFKC.normalize(text).toLowerCase(Locale.ROOT));
        return stripMarksLower(skeleton, true);
    }

    /**
     * The skeleton maps each character on its own (UTS #39: NFD, then every code point to its prototype, then
     * NFD), so the key of printable ASCII text is the concatenation of the keys of its characters, computed once
     * by ICU. Most handles and many names are ASCII: this skips NFKC, the skeleton lookup and NFD for them.
     */
    private static final String[] ASCII_KEYS = new String[128];

    static {
        for (char c = 32; c < 127; c++) {
            ASCII_KEYS[c] = icuKey(String.valueOf(c));
        }
    }

    /** The key of printable ASCII text from the table, or null when the text has any other character. */
    private static String asciiKey(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 32 || c >= 127) {
                return null;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 4);
            }
            out.append(ASCII_KEYS[c]);
        }
        return out == null ? "" : out.toString();
    }

    /** NFD, drop combining marks, lower case: accent- and case-insensitive, but no confusable mapping. */
    static String fold(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 128;
        }
        return ascii ? text.toLowerCase(Locale.ROOT) : stripMarksLower(NFKC.normalize(text), false);
    }

    private static String stripMarksLower(String text, boolean foldI) {
        String decomposed = NFD.normalize(text);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT) {
                continue;
            }
            char lower = Character.toLowerCase(c);
            if (foldI && lower == 'i') {
                lower = 'l';
            }
            out.append(lower);
        }
        return out.toString();
    }

    /** Splits on anything that is neither a letter nor a digit. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /**
     * Whether a word mixes writing systems (Latin with Cyrillic or Greek letters) or hides 0 or 1 among letters:
     * ordinary names and handles do neither, lookalikes do.
     */
    static boolean disguised(String text) {
        for (String word : words(text)) {
            int script = -1;
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (Character.isLetter(cp)) {
                    int s = UScript.getScript(cp);
                    if (s != UScript.COMMON && s != UScript.INHERITED) {
                        if (script >= 0 && script != s) {
                            return true;
                        }
                        script = s;
                    }
                } else if (cp == '0' || cp == '1') {
                    boolean letterBefore = i > 0 && Character.isLetter(word.codePointBefore(i));
                    boolean letterAfter = next < word.length() && Character.isLetter(word.codePointAt(next));
                    if (letterAfter && (letterBefore || i == 0)) {
                        return true;
                    }
                }
                i = next;
            }
        }
        return false;
    }

    static boolean isAllDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
