package cm.vigie.watch.hoax.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import cm.vigie.watch.text.TrickyTexts;

/** The hand-written normaliser gives exactly the words of the regular expressions it replaced. */
class TextNormalizerPropertiesTest {

    @Property(tries = 5_000)
    void sameWordsAsTheRegularExpressions(@ForAll("texts") String text) {
        assertEquals(RegexTextNormalizer.words(text), TextNormalizer.words(text), () -> "text: " + escape(text));
    }

    @Property(tries = 3_000)
    void sameWordsOnSpacedPieces(@ForAll("spaced") String text) {
        assertEquals(RegexTextNormalizer.words(text), TextNormalizer.words(text), () -> "text: " + escape(text));
    }

    @Property(tries = 3_000)
    void sameWordsOnAnyCharacters(@ForAll("noise") String text) {
        assertEquals(RegexTextNormalizer.words(text), TextNormalizer.words(text), () -> "text: " + escape(text));
    }

    @Provide
    Arbitrary<String> texts() {
        return TrickyTexts.texts();
    }

    @Provide
    Arbitrary<String> spaced() {
        return TrickyTexts.spacedTexts();
    }

    @Provide
    Arbitrary<String> noise() {
        return TrickyTexts.noise();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
