package cm.vigie.watch.alert;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How alerts group and when volume spikes (vigie.watch.alerts.*). */
@ConfigMapping(prefix = "vigie.watch.alerts")
public interface AlertSettings {

    /** Mentions of the same rule and subject within one window join one alert. */
    @WithDefault("PT1H")
    Duration window();

    Spike spike();

    /** Severity of HOAX alerts. */
    @WithDefault("HIGH")
    Severity hoaxSeverity();

    /** Severity of IMPERSONATION alerts. */
    @WithDefault("HIGH")
    Severity impersonationSeverity();

    interface Spike {
        /** Standard deviations above the baseline mean, unless the rule says otherwise. */
        @WithDefault("3.0")
        double k();

        /** Fewest mentions in the last window for a spike, unless the rule says otherwise. */
        @WithDefault("10")
        int minCount();

        /** The window whose volume is compared (the last hour). */
        @WithDefault("PT1H")
        Duration window();

        /** How many previous windows make the baseline (24 hours). */
        @WithDefault("24")
        int baselineWindows();
    }
}
