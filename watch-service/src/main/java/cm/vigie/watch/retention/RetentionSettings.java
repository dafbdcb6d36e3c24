package cm.vigie.watch.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long mentions are kept, and how the monthly partitions that hold them are kept up (ADR 0031). */
@ConfigMapping(prefix = "vigie.watch.retention")
public interface RetentionSettings {

    /** The platform's period in months: a month whose partition ends more than this before now is dropped whole. */
    @WithDefault("13")
    int months();

    /** Months created ahead of the current one, so that ingestion never waits for a partition. */
    @WithDefault("3")
    int monthsAhead();

    /** How often partitions are kept up and institutions' shorter periods enforced (also read by the scheduler). */
    @WithDefault("1h")
    Duration every();

    /** How long partition changes wait for a lock before giving up until the next run (never blocking ingestion long). */
    @WithDefault("PT2S")
    Duration lockTimeout();

    /** Rows deleted per short transaction when enforcing an institution's shorter period. */
    @WithDefault("1000")
    int purgeBatch();

    /** Pause between two purge batches, leaving the database to ingestion. */
    @WithDefault("PT0.05S")
    Duration purgePause();
}
