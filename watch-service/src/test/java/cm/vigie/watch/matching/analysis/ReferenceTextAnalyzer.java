package cm.vigie.watch.matching.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link TextAnalyzer} as it was before its fast paths, kept as its specification: the property test holds the
 * analyzer to the same tokens and hosts on any text.
 *
 * <p>Cuts a post's text into normalised word tokens. The same analysis serves the documents and the query words,
 * so a query matches whatever the text's spelling of case and accents.
 *
 * <ul>
 *   <li>A word is a run of letters and digits (with their combining accents); anything else separates words.
 *       Emoji, punctuation and symbols are separators and take no position.</li>
 *   <li>Apostrophes (' ’ ʼ): a French elision before it is dropped ({@code l'hôpital} → {@code hopital},
 *       also d' j' m' n' s' t' c' qu' jusqu' lorsqu' puisqu' quoiqu'); an English possessive {@code 's} is dropped
 *       ({@code minister's} → {@code minister}); otherwise the parts are joined ({@code aujourd'hui} →
 *       {@code aujourdhui}, {@code don't} → {@code dont}).</li>
 *   <li>{@code #tag} and {@code @handle} at the start of a word give two tokens at the same position:
 *       {@code #tag} (or {@code @handle}) and the bare {@code tag}; letters, digits and {@code _} belong to them.</li>
 *   <li>URLs ({@code http://}, {@code https://}, {@code www.}) give no token; their host is reported instead.</li>
 *   <li>Words are folded by {@link Folding#fold} and keep only letters and digits.</li>
 * </ul>
 */
final class ReferenceTextAnalyzer {

    private static final Set<String> ELISIONS = Set.of(
            "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu");

    private ReferenceTextAnalyzer() {
    }

    /** Analyses {@code text} ({@code null} gives nothing). */
    public static AnalyzedText analyze(String text) {
        List<Token> tokens = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return new AnalyzedText(tokens, hosts);
        }
        int length = text.length();
        int position = 0;
        int i = 0;
        while (i < length) {
            int cp = text.codePointAt(i);
            boolean boundary = i == 0 || !isWordChar(text.codePointBefore(i));
            if (boundary && (cp == 'h' || cp == 'H' || cp == 'w' || cp == 'W')) {
                int urlEnd = urlEnd(text, i, hosts);
                if (urlEnd > i) {
                    i = urlEnd;
                    continue;
                }
            }
            if (boundary && (cp == '#' || cp == '@') && i + 1 < length && isLetterOrDigit(text.codePointAt(i + 1))) {
                int end = i + 1;
                while (end < length) {
                    int c = text.codePointAt(end);
                    if (!isWordChar(c) && c != '_') {
                        break;
                    }
                    end += Character.charCount(c);
                }
                String body = foldKeeping(text.substring(i + 1, end), true);
                if (!body.isEmpty()) {
                    tokens.add(new Token((char) cp + body, position, i, end));
                    tokens.add(new Token(body, position, i, end));
                    position++;
                }
                i = end;
                continue;
            }
            if (isLetterOrDigit(cp)) {
                i = word(text, i, tokens, position);
                if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).position() == position) {
                    position++;
                }
                continue;
            }
            i += Character.charCount(cp);
        }
        return new AnalyzedText(tokens, hosts);
    }

    /** Reads one word from {@code start}; adds its token (if any) at {@code position}; returns where it ends. */
    private static int word(String text, int start, List<Token> tokens, int position) {
        int length = text.length();
        StringBuilder raw = new StringBuilder();
        int wordStart = start;
        int i = start;
        while (true) {
            while (i < length && isWordChar(text.codePointAt(i))) {
                int c = text.codePointAt(i);
                raw.appendCodePoint(c);
                i += Character.charCount(c);
            }
            if (i + 1 < length && isApostrophe(text.charAt(i)) && isLetterOrDigit(text.codePointAt(i + 1))) {
                if (ELISIONS.contains(Folding.fold(raw))) {
                    raw.setLength(0);
                    i++;
                    wordStart = i;
                    continue;
                }
                char next = text.charAt(i + 1);
                if ((next == 's' || next == 'S') && (i + 2 >= length || !isWordChar(text.codePointAt(i + 2)))) {
                    addWord(raw, position, wordStart, i, tokens);
                    return i + 2;
                }
                i++;
                continue;
            }
            addWord(raw, position, wordStart, i, tokens);
            return i;
        }
    }

    private static void addWord(StringBuilder raw, int position, int start, int end, List<Token> tokens) {
        String term = foldKeeping(raw, false);
        if (!term.isEmpty()) {
            tokens.add(new Token(term, position, start, end));
        }
    }

    /**
     * If a URL starts at {@code start}, records its host and returns the offset after it (the next white space);
     * else returns {@code start}.
     */
    private static int urlEnd(String text, int start, List<String> hosts) {
        int hostStart;
        if (text.regionMatches(true, start, "http://", 0, 7)) {
            hostStart = start + 7;
        } else if (text.regionMatches(true, start, "https://", 0, 8)) {
            hostStart = start + 8;
        } else if (text.regionMatches(true, start, "www.", 0, 4) && start + 4 < text.length()
                && isLetterOrDigit(text.codePointAt(start + 4))) {
            hostStart = start;
        } else {
            return start;
        }
        int end = hostStart;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        int hostEnd = hostStart;
        while (hostEnd < end && "/?#:".indexOf(text.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String host = normaliseHost(text.substring(hostStart, hostEnd));
        if (!host.isEmpty()) {
            hosts.add(host);
        }
        return end;
    }

    /**
     * Lower case, accents folded, without a leading {@code www.}, an {@code user@} part or trailing dots; only
     * letters, digits, dots, hyphens and underscores are kept.
     */
    public static String normaliseHost(String host) {
        String h = Folding.fold(host);
        int at = h.lastIndexOf('@');
        if (at >= 0) {
            h = h.substring(at + 1);
        }
        StringBuilder out = new StringBuilder(h.length());
        for (int i = 0; i < h.length(); ) {
            int c = h.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') {
                out.appendCodePoint(c);
            }
        }
        String result = out.toString();
        while (result.startsWith("www.")) {
            result = result.substring(4);
        }
        int e = result.length();
        while (e > 0 && (result.charAt(e - 1) == '.' || result.charAt(e - 1) == '-')) {
            e--;
        }
        int s = 0;
        while (s < e && (result.charAt(s) == '.' || result.charAt(s) == '-')) {
            s++;
        }
        return result.substring(s, e);
    }

    /** Folds and keeps letters and digits (and {@code _} when asked): the result re-analyses to itself. */
    public static String foldKeeping(CharSequence raw, boolean underscore) {
        String folded = Folding.fold(raw);
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            if (!Character.isLetterOrDigit(c) && !(underscore && c == '_')) {
                return filter(folded, underscore);
            }
            i += Character.charCount(c);
        }
        return folded;
    }

    private static String filter(String folded, boolean underscore) {
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c) || (underscore && c == '_')) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }

    static boolean isLetterOrDigit(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    /** Letters, digits and the combining marks that may follow them (decomposed accents). */
    static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
