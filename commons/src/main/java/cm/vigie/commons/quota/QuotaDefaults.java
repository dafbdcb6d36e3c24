package cm.vigie.commons.quota;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code vigie.quotas.defaults.*}: the limits of an institution whose operator set none. Read by accounts-service,
 * which publishes every institution's limits in the directory, and by the other services for an institution the
 * directory does not describe yet. Why these figures: docs/adr/0027-institution-quotas.md.
 */
@ConfigMapping(prefix = "vigie.quotas.defaults")
public interface QuotaDefaults {

    @WithDefault("200")
    int watchlists();

    @WithDefault("2000")
    int hoaxes();

    @WithDefault("200")
    int sources();

    @WithDefault("20")
    int webhooks();

    @WithDefault("500")
    int protectedPersons();

    @WithDefault("50")
    int alertStreams();

    @WithDefault("5")
    int alertStreamsPerUser();

    @WithDefault("3")
    int runningExercises();

    default Quotas quotas() {
        return new Quotas(watchlists(), hoaxes(), sources(), webhooks(), protectedPersons(), alertStreams(),
                alertStreamsPerUser(), runningExercises());
    }
}
