package cm.vigie.watch.mention;

import java.util.List;

import cm.vigie.watch.hoax.similarity.TextNormalizer;
import cm.vigie.watch.matching.analysis.AnalyzedText;
import cm.vigie.watch.matching.analysis.TextAnalyzer;

/**
 * Everything ingestion reads from a post's text, worked out once per mention: matching, sentiment, hoax detection,
 * storage and language detection each used to analyse the same text again.
 *
 * @param tokens       the matching analysis (folded words with their positions, URL hosts), also read by sentiment
 * @param contentWords the words that carry a claim, compared with the known hoaxes
 * @param hashtags     distinct folded hashtags, stored for term analytics
 * @param folded       the accent-free lower-case text, stored for search
 * @param language     the detected language ({@code fr}, {@code en} or {@code und}); null when the caller gave one
 */
public record TextAnalysis(AnalyzedText tokens, List<String> contentWords, List<String> hashtags, String folded,
        String language) {

    public TextAnalysis {
        contentWords = List.copyOf(contentWords);
        hashtags = List.copyOf(hashtags);
    }

    /** @param detectLanguage whether the language must be detected (the post did not say) */
    public static TextAnalysis of(String text, boolean detectLanguage) {
        return new TextAnalysis(TextAnalyzer.analyze(text), TextNormalizer.words(text), TextFolding.hashtags(text),
                TextFolding.fold(text), detectLanguage ? LanguageDetector.detect(text) : null);
    }
}
