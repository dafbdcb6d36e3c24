package cm.vigie.watch.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlGuardTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1/x", "http://localhost:8080/", "http://10.1.2.3/", "http://172.16.0.1/",
            "http://192.168.1.10/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/",
            "http://[fe80::1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://[::ffff:10.0.0.1]/", "http://224.0.0.1/" })
    void internalAddressesAreRefused(String url) {
        assertEquals(Optional.of("webhook.url.private"), WebhookUrlGuard.refusal(url, false));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.org/", "file:///etc/passwd", "gopher://x/", "http:///nohost", "https://user:pw@example.org/",
            "not a url" })
    void onlyHttpUrlsWithAHost(String url) {
        assertEquals(Optional.of("webhook.url.scheme"), WebhookUrlGuard.refusal(url, false));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://8.8.8.8/hook", "http://41.202.219.1/", "https://[2001:4860:4860::8888]/" })
    void publicAddressesPass(String url) {
        assertTrue(WebhookUrlGuard.refusal(url, false).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:9000/hook", "http://10.0.0.5/" })
    void configurationMayAllowPrivateAddresses(String url) {
        assertTrue(WebhookUrlGuard.refusal(url, true).isEmpty());
    }
}
