package cm.vigie.watch.matching.analysis;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Very frequent French and English words (folded): alone in a query they match almost every post. */
public final class CommonWords {

    private static final Set<String> WORDS = Stream.of(
            // French
            "a", "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "en", "est", "et",
            "etre", "il", "ils", "je", "la", "le", "les", "leur", "mais", "me", "meme", "mes", "moi", "mon", "ne",
            "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta",
            "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "plus", "tout", "tous",
            "fait", "ete", "sont", "ont", "avoir", "comme", "si", "bien",
            // English
            "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "her", "his",
            "i", "if", "in", "into", "is", "it", "its", "my", "no", "not", "of", "on", "or", "our", "she", "so",
            "that", "the", "their", "them", "then", "there", "they", "this", "to", "was", "we", "were", "what",
            "when", "which", "who", "will", "with", "you", "your", "all", "can", "do", "just", "more", "one")
            .collect(Collectors.toUnmodifiableSet());

    private CommonWords() {
    }

    /** {@code true} for a folded word that is one of the most common French or English words. */
    public static boolean isCommon(String foldedWord) {
        return WORDS.contains(foldedWord);
    }
}
