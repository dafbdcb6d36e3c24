package cm.vigie.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void choosesTheFirstOfFrenchOrEnglishAmongAcceptableLanguages() {
        assertEquals(Locale.FRENCH, Messages.choose(List.of(Locale.forLanguageTag("fr-CM"), Locale.ENGLISH)));
        assertEquals(Locale.ENGLISH, Messages.choose(List.of(Locale.GERMAN, Locale.ENGLISH, Locale.FRENCH)));
        assertEquals(Locale.ENGLISH, Messages.choose(List.of(Locale.GERMAN)));
    }

    @Test
    void everySharedMessageExistsInBothLanguages() {
        for (ProblemType type : ProblemType.values()) {
            String english = Messages.get(Locale.ENGLISH, type.titleKey());
            String french = Messages.get(Locale.FRENCH, type.titleKey());
            assertNotEquals(type.titleKey(), english, "English title of " + type);
            assertNotEquals(english, french, "French title of " + type);
        }
        assertEquals("Introuvable", Messages.get(Locale.FRENCH, "problem.not-found.title"));
    }
}
