package cm.vigie.watch.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Analytics settings (vigie.watch.analytics.*). */
@ConfigMapping(prefix = "vigie.watch.analytics")
public interface AnalyticsSettings {

    /** Minutes from an alert's creation to its resolution within which it counts as resolved in time, per severity. */
    Sla sla();

    interface Sla {
        @WithDefault("30")
        int critical();

        @WithDefault("60")
        int high();

        @WithDefault("240")
        int medium();

        @WithDefault("1440")
        int low();
    }
}
