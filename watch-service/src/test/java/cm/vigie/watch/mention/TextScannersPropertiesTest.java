package cm.vigie.watch.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import cm.vigie.watch.text.TrickyTexts;

/**
 * The hand-written scanners of ingestion (storage folding, hashtags, language detection) give exactly what the
 * regular expressions they replaced gave; those are kept here as the specification.
 */
class TextScannersPropertiesTest {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_])#([\\p{L}\\p{N}_]{1,100})");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}']+");

    static String regexFold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('œ', 'o').replace('æ', 'a');
    }

    static List<String> regexHashtags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        Matcher matcher = HASHTAG.matcher(text);
        while (matcher.find()) {
            tags.add(regexFold(matcher.group(1)));
        }
        return new ArrayList<>(tags);
    }

    /** The detector as it was, word splitting by regular expression. */
    static String regexLanguage(String text) {
        if (text.isBlank()) {
            return LanguageDetector.UNDETERMINED;
        }
        Set<String> french = Set.of("le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en",
                "que", "qui", "pour", "dans", "pas", "sur", "au", "aux", "ce", "cette", "il", "elle", "nous", "vous", "ils",
                "sont", "avec", "par", "plus", "ne", "se", "son", "sa", "ses", "mais", "ou", "leur", "tout", "tous", "fait",
                "été", "être", "avoir", "c'est", "l'", "d'", "j'", "n'", "qu'", "s'");
        Set<String> english = Set.of("the", "and", "is", "are", "of", "to", "in", "that", "it", "for",
                "on", "with", "as", "was", "were", "be", "this", "by", "not", "but", "or", "from", "they", "we", "you",
                "he", "she", "have", "has", "had", "will", "would", "an", "at", "all", "their", "there", "what", "which",
                "who", "about", "been", "do", "does", "don't", "it's", "i'm");
        double fr = 0;
        double en = 0;
        for (String raw : WORD.split(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''))) {
            if (raw.isEmpty()) {
                continue;
            }
            int apostrophe = raw.indexOf('\'');
            if (apostrophe > 0 && apostrophe <= 3 && french.contains(raw.substring(0, apostrophe + 1))) {
                fr += 1;
            } else if (french.contains(raw)) {
                fr += 1;
            }
            if (english.contains(raw)) {
                en += 1;
            }
            for (int i = 0; i < raw.length(); i++) {
                if ("éèêàçùûôîœ".indexOf(raw.charAt(i)) >= 0) {
                    fr += 0.5;
                    break;
                }
            }
        }
        return fr == en ? LanguageDetector.UNDETERMINED : fr > en ? "fr" : "en";
    }

    @Property(tries = 4_000)
    void foldingAsByRegularExpression(@ForAll("texts") String text) {
        assertEquals(regexFold(text), TextFolding.fold(text));
    }

    @Property(tries = 2_000)
    void foldingOfAnyCharacters(@ForAll("noise") String text) {
        assertEquals(regexFold(text), TextFolding.fold(text));
    }

    @Property(tries = 4_000)
    void hashtagsAsByRegularExpression(@ForAll("texts") String text) {
        assertEquals(regexHashtags(text), TextFolding.hashtags(text));
    }

    @Property(tries = 2_000)
    void hashtagsOfAnyCharacters(@ForAll("noise") String text) {
        assertEquals(regexHashtags(text), TextFolding.hashtags(text));
    }

    @Property(tries = 4_000)
    void languageAsByRegularExpression(@ForAll("sentences") String text) {
        assertEquals(regexLanguage(text), LanguageDetector.detect(text));
    }

    @Property(tries = 2_000)
    void languageOfAnyCharacters(@ForAll("noise") String text) {
        assertEquals(regexLanguage(text), LanguageDetector.detect(text));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(TrickyTexts.texts(), TrickyTexts.spacedTexts());
    }

    @Provide
    Arbitrary<String> sentences() {
        Arbitrary<String> words = Arbitraries.of("le", "la", "The", "AND", "c'est", "C’est", "l'", "qu’il", "don't",
                "it's", "I'm", "été", "être", "vaccin", "école", "œuvre", "Σ", "İ", "ça", "naïve", "x", "'", "’", "''");
        return Arbitraries.oneOf(words.list().ofMaxSize(15).map(w -> String.join(" ", w)), texts());
    }

    @Provide
    Arbitrary<String> noise() {
        return TrickyTexts.noise();
    }
}
