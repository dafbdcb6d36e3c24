package cm.vigie.watch.mention;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells French from English by their most frequent function words (and French accents). Short texts with no clue
 * answer {@code und}; Pidgin and Camfranglais usually come out as the language their function words lean to.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";
    private static final Pattern WORD = Pattern.compile("[^\\p{L}']+");
    private static final Set<String> FRENCH = Set.of("le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en",
            "que", "qui", "pour", "dans", "pas", "sur", "au", "aux", "ce", "cette", "il", "elle", "nous", "vous", "ils",
            "sont", "avec", "par", "plus", "ne", "se", "son", "sa", "ses", "mais", "ou", "leur", "tout", "tous", "fait",
            "été", "être", "avoir", "c'est", "l'", "d'", "j'", "n'", "qu'", "s'");
    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "are", "of", "to", "in", "that", "it", "for",
            "on", "with", "as", "was", "were", "be", "this", "by", "not", "but", "or", "from", "they", "we", "you",
            "he", "she", "have", "has", "had", "will", "would", "an", "at", "all", "their", "there", "what", "which",
            "who", "about", "been", "do", "does", "don't", "it's", "i'm");

    private LanguageDetector() {
    }

    /** {@code fr}, {@code en} or {@code und}. */
    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return UNDETERMINED;
        }
        double french = 0;
        double english = 0;
        for (String raw : WORD.split(text.toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\''))) {
            if (raw.isEmpty()) {
                continue;
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
            for (int i = 0; i < raw.length(); i++) {
                if ("éèêàçùûôîœ".indexOf(raw.charAt(i)) >= 0) {
                    french += 0.5;
                    break;
                }
            }
        }
        if (french == english) {
            return UNDETERMINED;
        }
        return french > english ? "fr" : "en";
    }
}
