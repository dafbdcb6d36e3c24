package cm.vigie.commons.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class BodyLimitTest {

    @Test
    void onlyADeclaredLengthOverTheLimitIsRefused() {
        assertTrue(BodyLimit.tooLarge("10485761", 10_485_760));
        assertFalse(BodyLimit.tooLarge("10485760", 10_485_760));
        assertFalse(BodyLimit.tooLarge(null, 10));
        assertFalse(BodyLimit.tooLarge("not a number", 10), "left to Quarkus, which answers 400");
    }

    @Test
    void theAnswersLanguageComesFromAcceptLanguage() {
        assertEquals(List.of(Locale.forLanguageTag("fr-CM"), Locale.ENGLISH), BodyLimit.acceptable("fr-CM, en;q=0.5, *;q=0.1"));
        assertEquals(List.of(), BodyLimit.acceptable("%%%garbage"));
        assertEquals(List.of(), BodyLimit.acceptable(null));
    }
}
