package cm.vigie.plan.response;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "vigie.plan.response")
public interface OutcomeSettings {

    /** Length of the windows compared before and after an answer. */
    @WithDefault("24h")
    Duration outcomeWindow();

    /** How often overdue CRITICAL plans are looked for. */
    @WithDefault("30s")
    String escalationCheck();
}
