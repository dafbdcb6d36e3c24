package cm.vigie.commons.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

class SecurityHeadersTest {

    private static SecurityHeadersConfig config(boolean enabled, Duration maxAge, boolean subdomains) {
        SecurityHeadersConfig.Hsts hsts = new SecurityHeadersConfig.Hsts() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Duration maxAge() {
                return maxAge;
            }

            @Override
            public boolean includeSubdomains() {
                return subdomains;
            }
        };
        return () -> hsts;
    }

    @Test
    void nosniffReplacesAnUpstreamCopyAndTheServerHeaderGoes() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("x-content-type-options", "nosniff")
                .add("Server", "Vert.x 4.5.27").add("Strict-Transport-Security", "max-age=1");
        SecurityHeaders.apply(headers, false, "max-age=31536000");
        assertEquals(List.of("nosniff"), headers.getAll("X-Content-Type-Options"));
        assertFalse(headers.contains("Server"));
        assertFalse(headers.contains("Strict-Transport-Security"), "no HSTS over plain HTTP");
    }

    @Test
    void hstsOverTlsOnlyWithTheConfiguredValue() {
        String value = SecurityHeaders.hstsValue(config(true, Duration.ofDays(365), true));
        assertEquals("max-age=31536000; includeSubDomains", value);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.apply(headers, true, value);
        assertEquals(value, headers.get("Strict-Transport-Security"));
        assertEquals("max-age=600", SecurityHeaders.hstsValue(config(true, Duration.ofMinutes(10), false)));
        assertNull(SecurityHeaders.hstsValue(config(false, Duration.ofDays(1), true)));
    }
}
