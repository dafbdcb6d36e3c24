package cm.vigie.watch.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How each replica feeds its alert streams from the event log (vigie.watch.stream.feed.*, ADR 0030). */
@ConfigMapping(prefix = "vigie.watch.stream.feed")
public interface AlertFeedSettings {

    /**
     * Longest wait between two reads of the log while streams are open: a notification that was lost, or a writer
     * that committed after a longer one, is caught up within this.
     */
    @WithDefault("PT1S")
    Duration catchUpEvery();

    /** Shortest gap between two reads: notifications arriving meanwhile are served by one read. */
    @WithDefault("PT0.02S")
    Duration minInterval();

    /** Events read at most at once; more are read right after. */
    @WithDefault("1000")
    int batchSize();
}
