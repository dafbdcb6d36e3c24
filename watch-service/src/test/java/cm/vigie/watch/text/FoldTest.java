package cm.vigie.watch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

class FoldTest {

    @Test
    void foldsAccentsAndCase() {
        assertEquals("l'hopital general de yaounde", Fold.decomposedLowerCase("L'HÔPITAL Général de Yaoundé"));
        assertEquals("œuvre æ", Fold.decomposedLowerCase("Œuvre Æ"));
        assertEquals("ouvre", Fold.forStorage("Œuvre"));
        assertEquals("l'hopital o a", Fold.forStorage("L’Hôpital œ Æ"));
    }

    @Test
    void textsTheTableCannotFoldTakeTheFullPathWithTheSameRules() {
        // final sigma depends on what follows; emoji are surrogate pairs
        assertEquals("\u03BF\u03B4\u03BF\u03C2", Fold.decomposedLowerCase("ΟΔΟΣ"));
        assertEquals("\u03C3\u03B1", Fold.decomposedLowerCase("ΣΑ"));
        assertEquals("vaccin \uD83D\uDE21 sante", Fold.decomposedLowerCase("Vaccin \uD83D\uDE21 Santé"));
        assertEquals("ａ", Fold.decomposedLowerCase("Ａ"));
    }

    @Test
    void combiningMarksAreDropped() {
        assertEquals("ete", Fold.decomposedLowerCase("e\u0301te\u0301"));
        assertEquals("", Fold.decomposedLowerCase("\u0301\u0308"));
    }

    @Test
    void lettersAndNumbersAsTheRegularExpressionClassesSeeThem() {
        assertTrue(Fold.isLetterOrNumber('é'));
        assertTrue(Fold.isLetterOrNumber('²'));
        assertTrue(Fold.isLetterOrNumber('Ⅻ'));
        assertTrue(Fold.isLetterOrNumber(0x1D400));
        assertFalse(Fold.isLetterOrNumber('_'));
        assertFalse(Fold.isLetterOrNumber('\u0301'));
        assertTrue(Fold.isNumber('½'));
        assertFalse(Fold.isNumber('a'));
    }

    @Property(tries = 3_000)
    void sameAsTheNormalizerPath(@ForAll("texts") String text) {
        assertEquals(Fold.slow(text), Fold.decomposedLowerCase(text));
    }

    @Property(tries = 2_000)
    void sameAsTheNormalizerPathOnAnyCharacters(@ForAll("noise") String text) {
        assertEquals(Fold.slow(text), Fold.decomposedLowerCase(text));
    }

    @Provide
    Arbitrary<String> texts() {
        return TrickyTexts.texts();
    }

    @Provide
    Arbitrary<String> noise() {
        return TrickyTexts.noise();
    }
}
