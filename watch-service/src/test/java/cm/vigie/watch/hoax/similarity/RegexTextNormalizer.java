package cm.vigie.watch.hoax.similarity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular-expression normaliser that {@link TextNormalizer} replaced, kept as its specification: the property test
 * holds the hand-written scanner to the same words on any text.
 *
 * <p>Turns a social-media text into the content words that carry its claim: case and accents folded, URLs and
 * {@code @mentions} dropped, hashtags split into their words ({@code #StopVaccin} gives {@code stop vaccin}),
 * elisions removed ({@code l'hôpital} gives {@code hopital}), emoji and punctuation ignored, French and English
 * function words removed, and a light plural folding ({@code vaccins} and {@code vaccin} agree).
 */
final class RegexTextNormalizer {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}_.]+");
    private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");
    private static final Pattern ELISION = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’ʼ`]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

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

    private RegexTextNormalizer() {
    }

    /** The content words of the text, in order. */
    public static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String cleaned = URL.matcher(text).replaceAll(" ");
        cleaned = MENTION.matcher(cleaned).replaceAll(" ");
        cleaned = splitHashtags(cleaned);
        cleaned = ELISION.matcher(cleaned).replaceAll(" ");
        cleaned = MARKS.matcher(Normalizer.normalize(cleaned, Normalizer.Form.NFD)).replaceAll("");
        cleaned = cleaned.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(cleaned);
        while (word.find()) {
            String token = word.group();
            if (!STOP_WORDS.contains(token)) {
                words.add(fold(token));
            }
        }
        return words;
    }

    private static String splitHashtags(String text) {
        Matcher hashtag = HASHTAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (hashtag.find()) {
            String words = CAMEL.matcher(hashtag.group(1).replace('_', ' ')).replaceAll(" ");
            hashtag.appendReplacement(out, Matcher.quoteReplacement(" " + words + " "));
        }
        hashtag.appendTail(out);
        return out.toString();
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
