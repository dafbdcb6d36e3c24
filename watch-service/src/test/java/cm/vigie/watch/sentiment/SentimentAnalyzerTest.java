package cm.vigie.watch.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SentimentAnalyzerTest {

    final SentimentAnalyzer analyzer = new SentimentAnalyzer();

    Sentiment fr(String text) {
        return analyzer.score(text, "fr").orElseThrow();
    }

    Sentiment en(String text) {
        return analyzer.score(text, "en").orElseThrow();
    }

    @Test
    void negationTurnsTheNextSentimentWordAround() {
        assertEquals(Sentiment.POSITIVE, fr("Le service est bon"));
        assertEquals(Sentiment.NEGATIVE, fr("Le service n'est pas bon"));
        assertEquals(Sentiment.NEGATIVE, fr("Ce n'est jamais efficace"));
        assertEquals(Sentiment.NEGATIVE, en("The service is not good"));
        assertEquals(Sentiment.NEGATIVE, en("It doesn't work well, never helpful"));
        // "not bad" is only faintly good: below the positive threshold on its own
        assertTrue(analyzer.rawScore("not bad", "en") > 0);
        assertTrue(analyzer.rawScore("pas mauvais", "fr") > 0);
        // the negation reaches three words at most
        assertEquals(Sentiment.POSITIVE, fr("pas de doute, après la réunion des parents le résultat est excellent"));
    }

    @Test
    void intensifiersDiminishersAndContrast() {
        assertTrue(analyzer.rawScore("très bon", "fr") > analyzer.rawScore("bon", "fr"));
        assertTrue(analyzer.rawScore("very good", "en") > analyzer.rawScore("good", "en"));
        assertTrue(analyzer.rawScore("un peu décevant", "fr") > analyzer.rawScore("décevant", "fr"));
        assertEquals(Sentiment.NEGATIVE, en("The staff were nice but the waiting was terrible"));
        assertEquals(Sentiment.POSITIVE, fr("Il y a eu du retard mais le personnel était excellent et très professionnel"));
    }

    @Test
    void accentsCaseHashtagsAndElisionsAreFolded() {
        assertEquals(analyzer.rawScore("C'est une honte, un scandale", "fr"), analyzer.rawScore("CEST UNE HONTE, UN SCANDALE", "fr"));
        assertEquals(Sentiment.NEGATIVE, fr("#Scandale à l'hôpital"));
        assertEquals(Sentiment.NEGATIVE, fr("Je suis décu"));
        assertEquals(Sentiment.NEGATIVE, fr("je suis DÉÇU"));
        assertEquals(Sentiment.POSITIVE, fr("Félicitations à l'équipe"));
        assertEquals(Sentiment.POSITIVE, fr("Felicitations a l'equipe"));
    }

    @Test
    void emojiAndEmoticonsCountAndAreNotNegated() {
        assertEquals(Sentiment.POSITIVE, fr("Vaccination de ma fille ce matin 👍"));
        assertEquals(Sentiment.NEGATIVE, fr("Toujours pas de médecin 😡"));
        assertEquals(Sentiment.NEGATIVE, en("The results are out :("));
        assertEquals(Sentiment.POSITIVE, en("Results are out ❤️"));
    }

    @Test
    void balancedOrEmptyTextIsNeutralAndUnknownLanguagesAreNotScored() {
        assertEquals(Sentiment.NEUTRAL, fr("La campagne commence lundi à Yaoundé"));
        assertEquals(Sentiment.NEUTRAL, en("Good staff, bad roads"));
        assertEquals(Sentiment.NEUTRAL, fr("😊😢"));
        assertEquals(Optional.empty(), analyzer.score("Gut gemacht", "de"));
        assertEquals(Optional.empty(), analyzer.score("", "fr"));
        assertEquals(Optional.empty(), analyzer.score("bon", null));
    }

    @Test
    void pidginAndCamfranglaisWords() {
        assertEquals(Sentiment.NEGATIVE, en("Na wahala for dis hospital, dem di chop money"));
        assertEquals(Sentiment.POSITIVE, en("Weh done to the nurses dem"));
        assertEquals(Sentiment.NEGATIVE, fr("Les feymen ont encore frappé au ministère"));
        assertEquals(Sentiment.POSITIVE, analyzer.score("Big up to the teachers, respect", "pcm").orElseThrow());
    }
}
