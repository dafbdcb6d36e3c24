package cm.vigie.watch.impersonation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where and how watch-service asks accounts-service whether new authors impersonate (vigie.watch.impersonation.*). */
@ConfigMapping(prefix = "vigie.watch.impersonation")
public interface ImpersonationSettings {

    /** Base URL of accounts-service. */
    @WithDefault("${vigie.accounts.url}")
    String url();

    /** Off: authors are not checked at all (no IMPERSONATION alerts). */
    @WithDefault("true")
    boolean enabled();

    /** Time allowed for one scoring call. */
    @WithDefault("PT2S")
    Duration timeout();

    /**
     * A pending author is tried again by the job this long after the last try (the batch's own call first); keep it
     * above the timeout so that a call in flight is never doubled.
     */
    @WithDefault("PT10S")
    Duration retryAfter();

    /** How often the job completes pending checks (read by the scheduler as a string, e.g. 30s). */
    @WithDefault("30s")
    String retryEvery();

    /** Most candidates per scoring call. */
    @WithDefault("500")
    int maxCandidates();
}
