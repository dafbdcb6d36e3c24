package cm.vigie.watch.sentiment;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Scores the tone of a mention's text at ingestion. */
@ApplicationScoped
public class SentimentAnalyzer {

    /** The text's sentiment, or empty when it cannot be scored (language without a lexicon). */
    public Optional<Sentiment> score(String text, String language) {
        return Optional.empty();
    }
}
