package cm.vigie.accounts.impersonation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void theAsciiTableGivesExactlyWhatIcuGives() {
        Random random = new Random(39);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append((char) (32 + random.nextInt(95)));
            }
            assertEquals(Text.icuKey(text.toString()), Text.key(text.toString()), text.toString());
        }
    }

    @Test
    void confusablesMeetInTheKey() {
        String reference = Text.key("minsante_cm");
        assertEquals(reference, Text.key("MINSANTE_CM"));
        assertEquals(reference, Text.key("mіnsаnte_cm"));   // Ukrainian і, Cyrillic а
        assertEquals(reference, Text.key("rninsante_crn"));
        assertEquals(Text.key("paul_lekene"), Text.key("PAUL_IEKENE"));
        assertEquals(Text.key("ondoua"), Text.key("0nd0ua"));
        assertEquals(Text.key("Thérèse"), Text.key("therese"));
        assertEquals(Text.key("ministre"), Text.key("ｍｉｎｉｓｔｒｅ"));
    }

    @Test
    void handlesLoseWhitespaceInvisibleCharactersAndAt() {
        assertEquals("minsante_cm", Text.exactHandle(" @@MinSante_CM\u200b "));
        assertEquals("minsante_cm", Text.exactHandle("\u00a0minsante _cm"));
    }

    @Test
    void disguiseIsMixedScriptsOrDigitsAmongLetters() {
        assertTrue(Text.disguised("mіnsante"));
        assertTrue(Text.disguised("Aurélien Mbarga Ngοno"));
        assertTrue(Text.disguised("0ndoua"));
        assertTrue(Text.disguised("ond0ua"));
        assertFalse(Text.disguised("minsante2024"));
        assertFalse(Text.disguised("Aurélien Mbarga Ngono"));
        assertFalse(Text.disguised("Мария Иванова"));
        assertFalse(Text.disguised("paul1"));
    }
}
