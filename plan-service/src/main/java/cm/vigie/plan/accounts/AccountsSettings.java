package cm.vigie.plan.accounts;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** accounts-service, as plan-service calls it (its base URL is the one the institution directory uses). */
@ConfigMapping(prefix = "vigie.accounts")
public interface AccountsSettings {

    String url();

    @WithDefault("2s")
    Duration timeout();
}
