package cm.vigie.commons.http;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code vigie.http.*}: what {@link SecurityHeaders} sends. */
@ConfigMapping(prefix = "vigie.http")
public interface SecurityHeadersConfig {

    Hsts hsts();

    /** Strict-Transport-Security, sent on answers served over TLS only. */
    interface Hsts {

        @WithDefault("true")
        boolean enabled();

        /** How long browsers keep to HTTPS; a year, as HSTS preload lists ask. */
        @WithDefault("365D")
        Duration maxAge();

        @WithDefault("true")
        boolean includeSubdomains();
    }
}
