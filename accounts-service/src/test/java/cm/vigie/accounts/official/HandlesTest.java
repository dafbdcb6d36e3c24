package cm.vigie.accounts.official;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandlesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "FACEBOOK|@MinSanteCM|minsantecm",
            "FACEBOOK|https://www.facebook.com/MinSanteCM|minsantecm",
            "FACEBOOK|https://m.facebook.com/MinSanteCM/?ref=share&mibextid=ZbWKwL|minsantecm",
            "FACEBOOK|facebook.com/MinSanteCM#posts|minsantecm",
            "FACEBOOK|https://www.facebook.com/profile.php?id=100064512345678&sk=about|100064512345678",
            "FACEBOOK|https://web.facebook.com/pages/Minsante/123456789|123456789",
            "FACEBOOK|https://fb.com/minsante.cm|minsante.cm",
            "X|https://x.com/MinSante_CM?s=20&t=abc|minsante_cm",
            "X|https://twitter.com/@MinSante_CM/status/1712|minsante_cm",
            "X|https://mobile.twitter.com/minsante_cm|minsante_cm",
            "X|'  @@MinSante_CM  '|minsante_cm",
            "INSTAGRAM|https://www.instagram.com/minsante.cm/?igsh=MTc4MmM1YmI2Ng==|minsante.cm",
            "TIKTOK|https://www.tiktok.com/@MinSante.CM?_t=8kXYZ&_r=1|minsante.cm",
            "TIKTOK|https://www.tiktok.com/@minsantecm/video/7301234567890|minsantecm",
            "YOUTUBE|https://www.youtube.com/@MinSanteCM/videos|minsantecm",
            "YOUTUBE|https://youtube.com/c/MinSanteTV|minsantetv",
            "YOUTUBE|https://www.youtube.com/channel/UCaBcDeFgHiJkLmNoPqRsTuV|UCaBcDeFgHiJkLmNoPqRsTuV",
            "LINKEDIN|https://www.linkedin.com/company/minsante-cameroun/about/|minsante-cameroun",
            "LINKEDIN|https://cm.linkedin.com/company/minsante|minsante",
            "TELEGRAM|https://t.me/MinSanteCM|minsantecm",
            "TELEGRAM|https://t.me/s/MinSanteCM?before=120|minsantecm",
            "TELEGRAM|@MinSanteCM|minsantecm",
            "WHATSAPP_CHANNEL|https://whatsapp.com/channel/0029VaAbCdEfGhIjKlMn1x2Y|0029VaAbCdEfGhIjKlMn1x2Y",
            "WHATSAPP_CHANNEL|0029VaAbCdEfGhIjKlMn1x2Y|0029VaAbCdEfGhIjKlMn1x2Y",
            "WEBSITE|https://www.MinSante.cm/fr/actualites?utm_source=fb|minsante.cm",
            "WEBSITE|minsante.cm|minsante.cm",
    })
    void readsHandlesAndProfileUrlsPerPlatform(Platform platform, String input, String expected) {
        String handle = Handles.normalise(platform, input);
        assertEquals(expected, handle);
        assertTrue(Handles.isValid(platform, handle), handle + " is a valid " + platform + " handle");
    }

    @Test
    void whiteSpaceFromCopyPasteAndFullWidthFormsAreIgnored() {
        assertEquals("minsante_cm", Handles.normalise(Platform.X, "\u00A0@MinSante\u200B_CM \t"));
        assertEquals("minsantecm", Handles.normalise(Platform.FACEBOOK, "ｍｉｎｓａｎｔｅｃｍ"));
        assertEquals("minsantecm", Handles.normalise(Platform.FACEBOOK, " https://www.facebook.com/ MinSanteCM "));
    }

    @Test
    void lookalikeLettersOfOtherScriptsAreKeptDistinct() {
        // Cyrillic а (U+0430) in place of the Latin a: a different account, possibly an impersonator
        String lookalike = Handles.normalise(Platform.X, "mins\u0430nte_cm");
        assertNotEquals("minsante_cm", lookalike);
        assertTrue(lookalike.contains("\u0430"));
    }

    @Test
    void aUrlOfAnotherPlatformIsNotAHandleOfThisOne() {
        String handle = Handles.normalise(Platform.X, "https://www.facebook.com/MinSanteCM");
        assertFalse(Handles.isValid(Platform.X, handle));
        assertFalse(Handles.isValid(Platform.TIKTOK, Handles.normalise(Platform.TIKTOK, "https://vm.tiktok.com/ZMabc/")));
        assertFalse(Handles.isValid(Platform.WEBSITE, Handles.normalise(Platform.WEBSITE, "not a site")));
    }

    @Test
    void urlsAreRecognisedWithoutTheirPlatform() {
        assertEquals(Optional.of(new Handles.PlatformHandle(Platform.TIKTOK, "minsantecm")),
                Handles.fromUrl("https://www.tiktok.com/@MinSanteCM?is_from_webapp=1"));
        assertEquals(Optional.of(new Handles.PlatformHandle(Platform.TELEGRAM, "minsantecm")),
                Handles.fromUrl("t.me/MinSanteCM"));
        assertEquals(Optional.empty(), Handles.fromUrl("https://www.facebook.com/share/p/1AbC"));
        assertEquals(Optional.empty(), Handles.fromUrl("https://example.org/minsante"));
        assertEquals(Optional.empty(), Handles.fromUrl("https://x.com/"));
        assertEquals(Optional.empty(), Handles.fromUrl("http://[::1"));
    }

    @Test
    void thePlatformAgnosticSpellingStaysCompatible() {
        assertEquals("minsante_cm", Handles.normalise("@MinSante_CM"));
        assertEquals("minsante_cm", Handles.normalise("  @MinSante_CM "));
        assertEquals("minsantecm", Handles.normalise("https://www.facebook.com/MinSanteCM?ref=bookmarks"));
    }
}
