package cm.vigie.watch.hoax.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cm.vigie.watch.text.Fold;

/**
 * Turns a social-media text into the content words that carry its claim: case and accents folded, URLs and
 * {@code @mentions} dropped, hashtags split into their words ({@code #StopVaccin} gives {@code stop vaccin}),
 * elisions removed ({@code l'hôpital} gives {@code hopital}), emoji and punctuation ignored, French and English
 * function words removed, and a light plural folding ({@code vaccins} and {@code vaccin} agree).
 *
 * <p>The steps run in that order, each over the previous one's output, and are defined by the regular expressions
 * they replace (a property test holds them to it): URLs {@code (?i)\b(?:https?://|www\.)\S+}, mentions
 * {@code (?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]+}, hashtags {@code #([\p{L}\p{N}_]+)} cut at case and letter/digit
 * changes, elisions {@code (?i)(?<![\p{L}\p{N}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’ʼ`]}, then words
 * {@code [\p{L}\p{N}]+} of the folded text. A step whose sign does not occur in the text is skipped.
 */
public final class TextNormalizer {

    private static final Set<String> STOP_WORDS = Set.copyOf(java.util.Arrays.asList(
            // French
            "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "et", "ou", "mais", "donc", "or", "ni", "car",
            "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "ton", "ta", "tes",
            "notre", "nos", "votre", "vos", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "se", "en",
            "y", "que", "qui", "quoi", "dont", "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez", "vers",
            "est", "sont", "etait", "ete", "etre", "a", "ont", "avait", "avoir", "fait", "va", "vont", "plus", "tres",
            "tout", "tous", "toute", "toutes", "aussi", "comme", "si", "ne", "pas", "deja", "meme", "lui", "eux",
            // English
            "the", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "is",
            "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "they", "them",
            "their", "he", "she", "his", "her", "we", "our", "you", "your", "i", "my", "has", "have", "had", "will",
            "would", "shall", "should", "can", "could", "do", "does", "did", "so", "as", "if", "than", "then", "there",
            "here", "all", "just", "very", "also", "not", "no", "about", "over", "up", "out", "now", "who", "which",
            "what"));

    private TextNormalizer() {
    }

    /** The content words of the text, in order. */
    public static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String cleaned = text;
        if (mayHoldUrl(cleaned)) {
            cleaned = dropUrls(cleaned);
        }
        if (cleaned.indexOf('@') >= 0) {
            cleaned = dropMentions(cleaned);
        }
        if (cleaned.indexOf('#') >= 0) {
            cleaned = splitHashtags(cleaned);
        }
        if (mayHoldElision(cleaned)) {
            cleaned = dropElisions(cleaned);
        }
        String folded = Fold.decomposedLowerCase(cleaned);
        List<String> words = new ArrayList<>();
        int length = folded.length();
        int i = 0;
        while (i < length) {
            int cp = folded.codePointAt(i);
            if (!Fold.isLetterOrNumber(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < length && Fold.isLetterOrNumber(cp = folded.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            String token = folded.substring(start, i);
            if (!STOP_WORDS.contains(token)) {
                words.add(fold(token));
            }
        }
        return words;
    }

    private static boolean mayHoldUrl(String text) {
        return text.indexOf("://") >= 0 || text.indexOf('.') >= 0 && indexOfIgnoreCase(text, "www.") >= 0;
    }

    private static int indexOfIgnoreCase(String text, String ascii) {
        int last = text.length() - ascii.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, ascii, 0, ascii.length())) {
                return i;
            }
        }
        return -1;
    }

    /** {@code (?i)\b(?:https?://|www\.)\S+} → a space. */
    private static String dropUrls(String text) {
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c != 'h' && c != 'H' && c != 'w' && c != 'W') {
                continue;
            }
            int prefix = startsWithIgnoringAsciiCase(text, i, "https://") ? 8
                    : startsWithIgnoringAsciiCase(text, i, "http://") ? 7
                    : startsWithIgnoringAsciiCase(text, i, "www.") ? 4 : 0;
            if (prefix == 0 || i + prefix >= length || isAsciiSpace(text.charAt(i + prefix)) || !wordBoundaryBefore(text, i)) {
                continue;
            }
            int end = i + prefix;
            while (end < length && !isAsciiSpace(text.charAt(end))) {
                end++;
            }
            if (out == null) {
                out = new StringBuilder(length);
            }
            out.append(text, copied, i).append(' ');
            copied = end;
            i = end - 1;
        }
        return out == null ? text : out.append(text, copied, length).toString();
    }

    /** Java's {@code \b} before an ASCII word character: the previous character is not a word character. */
    private static boolean wordBoundaryBefore(String text, int i) {
        if (i == 0) {
            return true;
        }
        int before = Character.codePointBefore(text, i);
        if (before < 0x80) {
            return !((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z')
                    || (before >= '0' && before <= '9') || before == '_');
        }
        if (Character.getType(before) != Character.NON_SPACING_MARK) {
            return true;
        }
        // a non-spacing mark counts as a word character when it follows one
        for (int x = i - 1; x >= 0; x--) {
            int cp = Character.codePointAt(text, x);
            if (Character.isLetterOrDigit(cp)) {
                return false;
            }
            if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                return true;
            }
        }
        return true;
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@code (?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]+} → a space. */
    private static String dropMentions(String text) {
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        for (int i = text.indexOf('@'); i >= 0 && i < length; i = text.indexOf('@', i + 1)) {
            if (i > 0 && isWordBefore(text.charAt(i - 1), true)) {
                continue;
            }
            int end = i + 1;
            while (end < length) {
                int cp = text.codePointAt(end);
                if (!Fold.isLetterOrNumber(cp) && cp != '_' && cp != '.') {
                    break;
                }
                end += Character.charCount(cp);
            }
            if (end == i + 1) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length);
            }
            out.append(text, copied, i).append(' ');
            copied = end;
            i = end - 1;
        }
        return out == null ? text : out.append(text, copied, length).toString();
    }

    /** What a one-character look-behind sees: the previous char alone (half a surrogate pair is no letter). */
    private static boolean isWordBefore(char before, boolean underscore) {
        return Fold.isLetterOrNumber(before) || underscore && before == '_';
    }

    /** {@code #([\p{L}\p{N}_]+)} → its words, cut where lower case meets upper case and letters meet digits. */
    private static String splitHashtags(String text) {
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        for (int i = text.indexOf('#'); i >= 0 && i < length; i = text.indexOf('#', i + 1)) {
            int end = i + 1;
            while (end < length) {
                int cp = text.codePointAt(end);
                if (!Fold.isLetterOrNumber(cp) && cp != '_') {
                    break;
                }
                end += Character.charCount(cp);
            }
            if (end == i + 1) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length + 16);
            }
            out.append(text, copied, i).append(' ');
            for (int j = i + 1; j < end; j++) {
                char c = text.charAt(j);
                if (j > i + 1 && cutsBefore(text.charAt(j - 1) == '_' ? ' ' : text.charAt(j - 1),
                        c == '_' ? ' ' : text.codePointAt(j))) {
                    out.append(' ');
                }
                out.append(c == '_' ? ' ' : c);
            }
            out.append(' ');
            copied = end;
            i = end - 1;
        }
        return out == null ? text : out.append(text, copied, length).toString();
    }

    /** {@code (?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})}: the look-behind sees one char. */
    private static boolean cutsBefore(char before, int next) {
        if (Character.isSurrogate(before)) {
            return false;
        }
        boolean letterBefore = Character.isLetter(before);
        boolean numberBefore = !letterBefore && Fold.isNumber(before);
        if (!letterBefore && !numberBefore) {
            return false;
        }
        boolean letterNext = Character.isLetter(next);
        if (letterBefore) {
            return Fold.isNumber(next)
                    || letterNext && Character.getType(before) == Character.LOWERCASE_LETTER
                    && Character.getType(next) == Character.UPPERCASE_LETTER;
        }
        return letterNext;
    }

    private static boolean mayHoldElision(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isElisionMark(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isElisionMark(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '`';
    }

    private static final String[] LONG_ELISIONS = {"qu", "jusqu", "lorsqu", "puisqu"};

    /** {@code (?i)(?<![\p{L}\p{N}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’ʼ`]} → a space. */
    private static String dropElisions(String text) {
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (i > 0 && isWordBefore(text.charAt(i - 1), false)) {
                continue;
            }
            int end = elisionEnd(text, i);
            if (end < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length);
            }
            out.append(text, copied, i).append(' ');
            copied = end;
            i = end - 1;
        }
        return out == null ? text : out.append(text, copied, length).toString();
    }

    /** Where the elision starting at {@code i} ends (after its apostrophe), or -1. */
    private static int elisionEnd(String text, int i) {
        int length = text.length();
        char c = Character.toLowerCase(text.charAt(i) < 0x80 ? text.charAt(i) : 0);
        if ("ldjmnstc".indexOf(c) >= 0 && c != 0 && i + 1 < length && isElisionMark(text.charAt(i + 1))) {
            return i + 2;
        }
        for (String word : LONG_ELISIONS) {
            int after = i + word.length();
            if (after < length && startsWithIgnoringAsciiCase(text, i, word) && isElisionMark(text.charAt(after))) {
                return after + 1;
            }
        }
        return -1;
    }

    /**
     * {@code word} (lower-case ASCII) at {@code i} in either case. The expressions' case-insensitive matching is ASCII
     * only, unlike {@link String#regionMatches(boolean, int, String, int, int)}: {@code ſ} is no {@code s}.
     */
    private static boolean startsWithIgnoringAsciiCase(String text, int i, String word) {
        if (i + word.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            char c = text.charAt(i + k);
            if (c != word.charAt(k) && (c < 'A' || c > 'Z' || c + ('a' - 'A') != word.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Folds plurals the same way in French and English: enough for near-duplicates, not a stemmer. */
    static String fold(String word) {
        int length = word.length();
        if (length > 3 && (word.endsWith("s") || word.endsWith("x")) && !word.endsWith("ss")) {
            return word.substring(0, length - 1);
        }
        return word;
    }
}
