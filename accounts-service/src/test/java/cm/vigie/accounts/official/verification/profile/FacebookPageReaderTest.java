package cm.vigie.accounts.official.verification.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.accounts.official.Platform;
import cm.vigie.accounts.official.verification.VerificationConfig;

/** The Graph API reader against a local server replaying the documented Page node and errors. */
class FacebookPageReaderTest {

    static FakeGraphApi graph;

    @BeforeAll
    static void start() throws Exception {
        graph = new FakeGraphApi();
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    static FacebookPageReader reader(String url, String token) {
        VerificationConfig.Facebook facebook = new VerificationConfig.Facebook() {
            public String graphUrl() {
                return url;
            }

            public Optional<String> accessToken() {
                return Optional.ofNullable(token);
            }

            public Duration timeout() {
                return Duration.ofSeconds(1);
            }
        };
        VerificationConfig config = new VerificationConfig() {
            public Duration codeTtl() {
                return Duration.ofHours(1);
            }

            public int maxResemblances() {
                return 5;
            }

            public Facebook facebook() {
                return facebook;
            }
        };
        return new FacebookPageReader(config, new ObjectMapper());
    }

    @Test
    void readsTheAboutAndDescriptionOfAPage() throws Exception {
        graph.page("minsantecm", "Page officielle. Vérification Vigie : VIGIE-7KQ2M9XH4T", "Ministère de la Santé", "ok");
        ProfileText text = reader(graph.url(), FakeGraphApi.TOKEN).read("minsantecm");
        assertTrue(text.contains("vigie-7kq2m9xh4t"), "the code is found whatever its case");
        assertFalse(text.contains("VIGIE-AAAAAAAAAA"));
        assertEquals(2, text.fields().size());
    }

    @Test
    void aPageWithoutTheFieldsHasNoText() throws Exception {
        graph.page("emptypage", null, null, "ok");
        assertTrue(reader(graph.url(), FakeGraphApi.TOKEN).read("emptypage").fields().isEmpty());
    }

    @Test
    void readsOnlyFacebookAndOnlyWithAToken() {
        assertTrue(reader(graph.url(), FakeGraphApi.TOKEN).reads(Platform.FACEBOOK));
        assertFalse(reader(graph.url(), FakeGraphApi.TOKEN).reads(Platform.X));
        assertFalse(reader(graph.url(), null).reads(Platform.FACEBOOK));
        assertFalse(reader(graph.url(), " ").reads(Platform.FACEBOOK));
    }

    @Test
    void everyDocumentedErrorIsUnavailableNeverAProof() {
        graph.page("limited", "VIGIE-7KQ2M9XH4T", null, "rate-limited");
        graph.page("broken", "VIGIE-7KQ2M9XH4T", null, "html");
        graph.page("enormous", null, null, "huge");
        var unknown = assertThrows(ProfileUnavailable.class, () -> reader(graph.url(), FakeGraphApi.TOKEN).read("nosuchpage"));
        assertTrue(unknown.getMessage().contains("803"), unknown.getMessage());
        var token = assertThrows(ProfileUnavailable.class, () -> reader(graph.url(), "expired-token").read("minsantecm"));
        assertTrue(token.getMessage().contains("190"), token.getMessage());
        assertFalse(token.getMessage().contains("expired-token"), "the token never appears in a message");
        var limited = assertThrows(ProfileUnavailable.class, () -> reader(graph.url(), FakeGraphApi.TOKEN).read("limited"));
        assertTrue(limited.getMessage().contains("32"), limited.getMessage());
        assertThrows(ProfileUnavailable.class, () -> reader(graph.url(), FakeGraphApi.TOKEN).read("broken"));
        assertThrows(ProfileUnavailable.class, () -> reader(graph.url(), FakeGraphApi.TOKEN).read("enormous"));
    }

    @Test
    void aStallingApiIsCutOffAtTheDeadline() {
        graph.page("stalling", "VIGIE-7KQ2M9XH4T", null, "stall");
        long start = System.nanoTime();
        assertThrows(ProfileUnavailable.class, () -> reader(graph.url(), FakeGraphApi.TOKEN).read("stalling"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "cut off after " + millis + " ms");
    }

    @Test
    void anUnreachableApiIsUnavailable() {
        assertThrows(ProfileUnavailable.class, () -> reader("http://127.0.0.1:9/v21.0", FakeGraphApi.TOKEN).read("minsantecm"));
    }
}
