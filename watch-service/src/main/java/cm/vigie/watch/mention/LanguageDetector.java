package cm.vigie.watch.mention;

import java.util.Locale;
import java.util.Set;


/**
 * Tells French from English by their most frequent function words (and French accents). Short texts with no clue
 * answer {@code und}; Pidgin and Camfranglais usually come out as the language their function words lean to.
 * Words are the runs of letters and apostrophes ({@code ’} read as {@code '}) of the lower-case text.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";
    private static final Set<String> FRENCH = Set.of("le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en",
            "que", "qui", "pour", "dans", "pas", "sur", "au", "aux", "ce", "cette", "il", "elle", "nous", "vous", "ils",
            "sont", "avec", "par", "plus", "ne", "se", "son", "sa", "ses", "mais", "ou", "leur", "tout", "tous", "fait",
            "été", "être", "avoir", "c'est", "l'", "d'", "j'", "n'", "qu'", "s'");
    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "are", "of", "to", "in", "that", "it", "for",
            "on", "with", "as", "was", "were", "be", "this", "by", "not", "but", "or", "from", "they", "we", "you",
            "he", "she", "have", "has", "had", "will", "would", "an", "at", "all", "their", "there", "what", "which",
            "who", "about", "been", "do", "does", "don't", "it's", "i'm");
    private static final String FRENCH_ACCENTS = "éèêàçùûôîœ";
    /** Longer words are in neither list: they only count for their accents. */
    private static final int LONGEST_LISTED = java.util.stream.Stream.concat(FRENCH.stream(), ENGLISH.stream())
            .mapToInt(String::length).max().orElseThrow();

    private LanguageDetector() {
    }

    /** {@code fr}, {@code en} or {@code und}. */
    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return UNDETERMINED;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        double french = 0;
        double english = 0;
        int length = lower.length();
        int i = 0;
        while (i < length) {
            int cp = lower.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean accent = false;
            boolean curly = false;
            while (i < length && isWordChar(cp = lower.codePointAt(i))) {
                accent |= FRENCH_ACCENTS.indexOf(cp) >= 0;
                curly |= cp == '\u2019';
                i += Character.charCount(cp);
            }
            if (i - start <= LONGEST_LISTED || apostropheWithin(lower, start, i, 3)) {
                String raw = lower.substring(start, i);
                if (curly) {
                    raw = raw.replace('\u2019', '\'');
                }
                int apostrophe = raw.indexOf('\'');
                if (apostrophe > 0 && apostrophe <= 3 && FRENCH.contains(raw.substring(0, apostrophe + 1))) {
                    french += 1;
                } else if (FRENCH.contains(raw)) {
                    french += 1;
                }
                if (ENGLISH.contains(raw)) {
                    english += 1;
                }
            }
            if (accent) {
                french += 0.5;
            }
        }
        if (french == english) {
            return UNDETERMINED;
        }
        return french > english ? "fr" : "en";
    }

    private static boolean apostropheWithin(String text, int start, int end, int last) {
        for (int i = start; i < end && i <= start + last; i++) {
            if (text.charAt(i) == '\'' || text.charAt(i) == '\u2019') {
                return true;
            }
        }
        return false;
    }

    /** {@code [\p{L}']} once {@code ’} reads as {@code '}. */
    private static boolean isWordChar(int cp) {
        return cp == '\'' || cp == '\u2019' || (cp < 0x80 ? (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')
                : Character.isLetter(cp));
    }
}
