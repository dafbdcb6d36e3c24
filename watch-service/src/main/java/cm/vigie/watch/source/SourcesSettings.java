package cm.vigie.watch.source;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Collection from sources ({@code vigie.watch.sources.*}). */
@ConfigMapping(prefix = "vigie.watch.sources")
public interface SourcesSettings {

    /** Whether the scheduler polls due sources; tests switch it off and poll on demand. */
    @WithDefault("true")
    boolean schedule();

    /** How often the poller looks for due sources. */
    @WithDefault("30s")
    Duration tick();

    /** How many due sources one tick takes. */
    @WithDefault("20")
    int batch();

    /** How long a claimed source stays reserved for the poller that claimed it. */
    @WithDefault("5m")
    Duration lease();

    /** The first wait after a failure; it doubles with each further failure. */
    @WithDefault("1m")
    Duration backoffBase();

    /** The longest wait after failures (and the cap on a platform's Retry-After). */
    @WithDefault("6h")
    Duration backoffMax();

    /** Connection and whole-request timeouts of outbound fetches. */
    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("20s")
    Duration requestTimeout();

    /**
     * Total deadline of one fetch, redirects and body included: a feed that answers its headers and then stalls (or
     * trickles) is cut off there, whatever the request timeout, which only bounds the wait for headers (ADR 0028).
     */
    @WithDefault("30s")
    Duration fetchDeadline();

    /** Larger feed documents are refused. */
    @WithDefault("5000000")
    int maxBytes();

    /** Whether sources may point at loopback, private or link-local addresses (tests and local development). */
    @WithDefault("false")
    boolean allowPrivateAddresses();
}
