package cm.vigie.plan.watch;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** watch-service, as plan-service reads it. */
@ConfigMapping(prefix = "vigie.watch")
public interface WatchSettings {

    @WithDefault("http://127.0.0.1:8082")
    String url();

    /** A call slower than this counts as unavailable. */
    @WithDefault("2s")
    Duration timeout();

    /** How long an analytics answer is reused for the same institution and question. */
    @WithDefault("60s")
    Duration cacheTtl();
}
