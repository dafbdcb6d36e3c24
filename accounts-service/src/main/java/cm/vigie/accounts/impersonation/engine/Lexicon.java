package cm.vigie.accounts.impersonation.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The French and English words the scoring recognises. Each set is kept in the space where it is compared:
 * {@code key} (confusable skeleton, for handles and display names) or {@code fold} (accents and case only, for bios).
 */
final class Lexicon {

    private Lexicon() {
    }

    /** Words that claim authenticity: a fake page calls itself official far more often than a real one. */
    static final List<String> CLAIM_WORDS = List.of("officiel", "officielle", "officiels", "officielles", "official",
            "offical", "officiall", "real", "vrai", "vraie", "true", "authentique", "authentic", "original", "verifie",
            "verified", "certifie");
    /** Filler around a stolen handle. */
    static final List<String> FILLER_WORDS = List.of("page", "compte", "account", "the", "le", "la", "profil",
            "profile", "tv", "info", "infos");
    static final List<String> COUNTRY_WORDS = List.of("cm", "cmr", "cam", "237", "cameroun", "cameroon", "camer",
            "kamer");
    static final List<String> HONORIFICS = List.of("dr", "docteur", "doctor", "pr", "prof", "professeur",
            "professor", "se", "he", "hon", "honorable", "excellence", "son", "sa", "m", "mme", "mr", "mrs", "ms",
            "mlle", "madame", "monsieur", "me", "maitre", "ing", "ingenieur", "gen", "general", "col", "colonel",
            "amb", "ambassador", "s", "e");
    /** Offices a fake profile puts forward in its name or bio. */
    static final List<String> OFFICE_WORDS = List.of("ministre", "minister", "ministere", "ministry", "directeur",
            "directrice", "director", "dg", "secretaire", "secretary", "gouverneur", "governor", "prefet", "prefect",
            "maire", "mayor", "depute", "deputy", "senateur", "senator", "ambassadeur", "ambassadrice", "president",
            "presidente", "delegue", "deleguee", "delegate", "commissaire", "commissioner", "procureur", "recteur",
            "rector", "chancelier", "porte-parole", "spokesperson", "cabinet");
    static final List<String> STOP_WORDS = List.of("de", "du", "des", "la", "le", "les", "l", "d", "et", "of", "the",
            "and", "for", "a", "au", "aux", "en", "in", "du");
    /** A page that declares itself a fan, parody or unofficial page is not impersonating. */
    static final List<String> FAN_WORDS = List.of("fan", "fans", "fanclub", "fanpage", "parodie", "parody",
            "parodique", "satire", "satirique", "satirical", "humour", "humor", "unofficial", "nonofficiel",
            "supporters", "soutien", "admirateurs", "admirers", "hommage", "tribute", "memes");
    /** Words that, in front of a claim word, negate it ("non officiel", "not official", "pas officiel"). */
    static final List<String> NEGATIONS = List.of("non", "not", "pas", "no", "nicht");
    /** Claims in a name or bio ("nouveau compte" is the classic opener of a scam). */
    static final List<List<String>> CLAIM_PHRASES = List.of(List.of("nouveau", "compte"), List.of("new", "account"),
            List.of("seul", "compte"), List.of("only", "account"), List.of("page", "officielle"),
            List.of("compte", "officiel"), List.of("official", "account"), List.of("official", "page"));

    static final Set<String> CLAIM_KEYS = keys(CLAIM_WORDS);
    static final Set<String> FILLER_KEYS = keys(FILLER_WORDS);
    static final Set<String> COUNTRY_KEYS = keys(COUNTRY_WORDS);
    static final Set<String> HONORIFIC_KEYS = keys(HONORIFICS);
    static final Set<String> OFFICE_KEYS = keys(OFFICE_WORDS);
    static final Set<String> STOP_KEYS = keys(STOP_WORDS);
    static final Set<String> FAN_KEYS = keys(FAN_WORDS);

    static final Set<String> CLAIM_FOLDS = folds(CLAIM_WORDS);
    static final Set<String> OFFICE_FOLDS = folds(OFFICE_WORDS);
    static final Set<String> HONORIFIC_FOLDS = folds(HONORIFICS);
    static final Set<String> FAN_FOLDS = folds(FAN_WORDS);
    static final Set<String> NEGATION_FOLDS = folds(NEGATIONS);
    static final Set<String> STOP_FOLDS = folds(STOP_WORDS);

    /** Handle prefixes and suffixes stripped from a glued handle ("minsanteofficiel", "realmanaouda"). */
    static final List<String> GLUED_SUFFIXES = keysInOrder(List.of("officielle", "officiel", "official", "offical",
            "cameroun", "cameroon", "kamer", "camer", "page", "real", "vrai", "cmr", "cm", "tv"));
    static final List<String> GLUED_PREFIXES = keysInOrder(List.of("officiel", "official", "real", "vrai", "the",
            "dr", "pr", "prof", "hon"));
    /** Fan and parody markers glued to a handle ("manaoudafans", "fanclubmanaouda"). */
    static final List<String> GLUED_FAN_SUFFIXES = keysInOrder(List.of("fanclub", "fanpage", "fans", "parodie",
            "parody"));
    static final List<String> GLUED_FAN_PREFIXES = keysInOrder(List.of("fanclub", "fanpage", "fansde", "fansof",
            "fansdu", "parodie", "parody"));

    static boolean isBaitKey(String key) {
        return CLAIM_KEYS.contains(key) || FILLER_KEYS.contains(key) || COUNTRY_KEYS.contains(key);
    }

    private static Set<String> keys(List<String> words) {
        Set<String> keys = new HashSet<>();
        for (String word : words) {
            keys.add(Text.key(word));
        }
        return Set.copyOf(keys);
    }

    private static Set<String> folds(List<String> words) {
        Set<String> folds = new HashSet<>();
        for (String word : words) {
            folds.add(Text.fold(word));
        }
        return Set.copyOf(folds);
    }

    private static List<String> keysInOrder(List<String> words) {
        return words.stream().map(Text::key).toList();
    }
}
