package cm.vigie.watch.mention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Mention list settings (vigie.watch.mentions.*). */
@ConfigMapping(prefix = "vigie.watch.mentions")
public interface MentionListSettings {

    /**
     * How far a mention list reaches: pages end within the first {@code resultWindow} results, and totals are counted
     * up to it. Mentions grow without bound, so this keeps every list read's cost independent of how many are stored.
     */
    @WithDefault("10000")
    int resultWindow();
}
