package cm.vigie.watch.sentiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.watch.matching.analysis.AnalyzedText;
import cm.vigie.watch.matching.analysis.TextAnalyzer;
import cm.vigie.watch.matching.analysis.Token;

/**
 * Scores the tone of a mention's text at ingestion, from lexicons (ADR 0014): French, English, and Cameroonian Pidgin
 * and Camfranglais words used with both. Words go through the matching analyzer (case and accents folded, elisions
 * removed, hashtags read as their word), so {@code #Scandale}, {@code SCANDALE} and {@code scandale} score alike.
 *
 * <ul>
 *   <li>A negator ({@code pas}, {@code jamais}, {@code not}, {@code never}...) turns the next sentiment word within
 *       three words around: "pas bon" and "not good" are negative; "pas mauvais" and "not bad" mildly positive.</li>
 *   <li>An intensifier ({@code très}, {@code vraiment}, {@code very}...) weighs the next sentiment word 1.5 times, a
 *       diminisher ({@code un peu}, {@code slightly}) half.</li>
 *   <li>{@code mais}/{@code but} halves what came before: the clause after it usually carries the opinion.</li>
 *   <li>Emoji and emoticons add their own score and are never negated.</li>
 * </ul>
 * A text whose sum stays between the thresholds (nothing found, or praise and blame that cancel) is NEUTRAL.
 */
@ApplicationScoped
public class SentimentAnalyzer {

    static final double THRESHOLD = 1.0;
    private static final int NEGATION_SCOPE = 3;
    private static final int BOOST_SCOPE = 2;

    enum Modifier { NEGATOR, INTENSIFIER, DIMINISHER, CONTRAST }

    private final Map<String, Lexicon> byLanguage = new HashMap<>();
    private final Map<String, Modifier> modifiers = new HashMap<>();
    private final Map<Integer, Double> emoji = new HashMap<>();
    private final Map<String, Double> emoticons = new HashMap<>();
    /** Below this code point no character is a scored emoji: most characters of a post skip the look-up. */
    private final int smallestEmoji;
    /** The first characters of the emoticons: a text with none of them holds no emoticon. */
    private final String emoticonStarts;

    public SentimentAnalyzer() {
        Lexicon french = Lexicon.load("lexicon-fr.txt", "lexicon-pcm.txt");
        Lexicon english = Lexicon.load("lexicon-en.txt", "lexicon-pcm.txt");
        byLanguage.put("fr", french);
        byLanguage.put("en", english);
        byLanguage.put("pcm", english);
        Lexicon.read("modifiers.txt", (key, value) -> modifiers.put(Lexicon.fold(key), Modifier.valueOf(value)));
        Lexicon.read("emoji.txt", (key, value) -> {
            String symbol = key.replace("\uFE0F", "");
            if (symbol.codePointCount(0, symbol.length()) == 1 && !Character.isLetterOrDigit(symbol.codePointAt(0))
                    && symbol.codePointAt(0) > 0x7F) {
                emoji.put(symbol.codePointAt(0), Double.parseDouble(value));
            } else {
                emoticons.put(symbol, Double.parseDouble(value));
            }
        });
        smallestEmoji = emoji.keySet().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
        emoticonStarts = emoticons.keySet().stream().filter(e -> !e.isEmpty()).map(e -> e.substring(0, 1)).distinct()
                .collect(java.util.stream.Collectors.joining());
    }

    /** The text's sentiment, or empty when it cannot be scored (no text, or a language without a lexicon). */
    public Optional<Sentiment> score(String text, String language) {
        if (text == null || text.isBlank() || language == null) {
            return Optional.empty();
        }
        return score(text, TextAnalyzer.analyze(text), language);
    }

    /** The same, with the text already analysed ({@code TextAnalyzer.analyze(text)}) by the caller. */
    public Optional<Sentiment> score(String text, AnalyzedText analyzed, String language) {
        if (text == null || text.isBlank() || language == null) {
            return Optional.empty();
        }
        Lexicon lexicon = byLanguage.get(language.strip().toLowerCase(Locale.ROOT));
        if (lexicon == null) {
            return Optional.empty();
        }
        double score = words(text, analyzed, lexicon) + symbols(text);
        return Optional.of(score >= THRESHOLD ? Sentiment.POSITIVE : score <= -THRESHOLD ? Sentiment.NEGATIVE : Sentiment.NEUTRAL);
    }

    /** The raw score, for tests and tuning. */
    double rawScore(String text, String language) {
        Lexicon lexicon = byLanguage.get(language);
        return lexicon == null ? 0 : words(text, TextAnalyzer.analyze(text), lexicon) + symbols(text);
    }

    private double words(String text, AnalyzedText analyzed, Lexicon lexicon) {
        List<String> words = new ArrayList<>();
        List<Boolean> clauseStarts = new ArrayList<>();
        int previousEnd = 0;
        for (Token token : analyzed.tokens()) {
            if (!token.isSigned()) {
                words.add(token.term());
                clauseStarts.add(breaksClause(text, previousEnd, token.start()));
                previousEnd = token.end();
            }
        }
        double score = 0;
        int negatedUntil = -1;
        int boostedUntil = -1;
        double boost = 1;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (clauseStarts.get(i)) {
                // negations and intensifiers do not reach over punctuation: "sans attente, très mauvais"
                negatedUntil = -1;
                boostedUntil = -1;
            }
            Double value = i + 1 < words.size() && lexicon.startsPhrase(word)
                    ? lexicon.score(word + " " + words.get(i + 1)) : null;
            int span = 2;
            if (value == null) {
                span = 1;
                Modifier modifier = modifiers.get(word);
                if (modifier != null) {
                    switch (modifier) {
                        case NEGATOR -> negatedUntil = i + NEGATION_SCOPE;
                        case INTENSIFIER -> {
                            boost = 1.5;
                            boostedUntil = i + BOOST_SCOPE;
                        }
                        case DIMINISHER -> {
                            boost = 0.5;
                            boostedUntil = i + BOOST_SCOPE;
                        }
                        case CONTRAST -> score *= 0.5;
                    }
                    continue;
                }
                value = lexicon.score(word);
            }
            if (value != null) {
                double v = value;
                if (i <= boostedUntil) {
                    v *= boost;
                }
                if (i <= negatedUntil) {
                    // "not good" is bad, but "not bad" is only faintly good
                    v = v > 0 ? -0.8 * v : -0.5 * v;
                    negatedUntil = -1;
                }
                score += v;
                i += span - 1;
            }
        }
        return score;
    }

    private static boolean breaksClause(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            switch (text.charAt(i)) {
                case ',', '.', ';', ':', '!', '?', '\n' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    private double symbols(String text) {
        double score = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= smallestEmoji) {
                Double value = emoji.get(cp);
                if (value != null) {
                    score += value;
                }
            }
            i += Character.charCount(cp);
        }
        if (!mayHoldEmoticon(text)) {
            return score;
        }
        for (Map.Entry<String, Double> emoticon : emoticons.entrySet()) {
            for (int at = text.indexOf(emoticon.getKey()); at >= 0; at = text.indexOf(emoticon.getKey(), at + 1)) {
                score += emoticon.getValue();
            }
        }
        return score;
    }

    private boolean mayHoldEmoticon(String text) {
        for (int i = 0; i < emoticonStarts.length(); i++) {
            if (text.indexOf(emoticonStarts.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
