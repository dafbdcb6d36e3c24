package cm.vigie.watch.matching.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import cm.vigie.watch.text.TrickyTexts;

/** The analyzer's fast paths change nothing: same tokens (terms, positions, offsets) and hosts as before them. */
class TextAnalyzerPropertiesTest {

    @Property(tries = 5_000)
    void sameAnalysisAsTheReference(@ForAll("texts") String text) {
        assertEquals(ReferenceTextAnalyzer.analyze(text), TextAnalyzer.analyze(text), text);
    }

    @Property(tries = 3_000)
    void sameAnalysisOfAnyCharacters(@ForAll("noise") String text) {
        assertEquals(ReferenceTextAnalyzer.analyze(text), TextAnalyzer.analyze(text), text);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(TrickyTexts.texts(), TrickyTexts.spacedTexts());
    }

    @Provide
    Arbitrary<String> noise() {
        return TrickyTexts.noise();
    }
}
