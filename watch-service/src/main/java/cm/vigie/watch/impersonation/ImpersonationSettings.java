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

    /** A pending author is retried by the job once it is older than this (the batch's own call gets it first). */
    @WithDefault("PT10S")
    Duration retryAfter();

    /** Most candidates per scoring call. */
    @WithDefault("500")
    int maxCandidates();
}
