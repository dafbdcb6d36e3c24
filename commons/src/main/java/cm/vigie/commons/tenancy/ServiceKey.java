package cm.vigie.commons.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shared secret that Vigie services present to each other on internal endpoints ({@code /internal/**}),
 * which the gateway never routes. Set with {@code vigie.service-key}.
 */
@ApplicationScoped
public class ServiceKey {

    public static final String HEADER = "X-Vigie-Service-Key";

    private final Optional<String> key;

    ServiceKey(@ConfigProperty(name = "vigie.service-key") Optional<String> key) {
        this.key = key.filter(k -> !k.isBlank());
    }

    public String value() {
        return key.orElseThrow(() -> new IllegalStateException("vigie.service-key is not set"));
    }

    /** Constant-time comparison, false when no key is configured. */
    public boolean matches(String presented) {
        return presented != null && key.isPresent()
                && MessageDigest.isEqual(key.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
