package cm.vigie.watch.hoax.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsCaseAccentsElisionsAndPlurals() {
        assertEquals(List.of("hopital", "debordee", "vaccin"), TextNormalizer.words("L'HÔPITAL est débordée: les vaccins!"));
        assertEquals(List.of("hopital"), TextNormalizer.words("l’hôpital"));
    }

    @Test
    void dropsUrlsMentionsEmojiAndSplitsHashtags() {
        assertEquals(List.of("stop", "vaccin", "puce", "5g"),
                TextNormalizer.words("🚨 @MinSante #StopVaccin puce 5G https://bit.ly/x www.example.cm/y"));
    }

    @Test
    void keepsEmailLikeTextAndNumbers() {
        assertEquals(List.of("10000", "fcfa", "2026"), TextNormalizer.words("10000 FCFA, en 2026"));
    }

    @Test
    void nothingToSayGivesNoWords() {
        assertEquals(List.of(), TextNormalizer.words(null));
        assertEquals(List.of(), TextNormalizer.words("   "));
        assertEquals(List.of(), TextNormalizer.words("😡😡 !!! the and le la"));
    }
}
