package cm.vigie.commons.cluster;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code vigie.cluster.*}: how a replica hears about the changes made by the others. */
@ConfigMapping(prefix = "vigie.cluster")
public interface ClusterSettings {

    /** Off: {@link ClusterNotifications#subscribe} registers but nothing listens (tools, a service without database). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The longest wait for a notification before the listening thread looks at new subscriptions; a new subscription
     * is heard at most this late.
     */
    @WithDefault("200ms")
    Duration pollInterval();

    /** First wait before reconnecting the listening connection; doubles on each failure up to {@link #reconnectMax()}. */
    @WithDefault("250ms")
    Duration reconnectMin();

    @WithDefault("5s")
    Duration reconnectMax();

    /**
     * How often an idle listening connection is checked with a query, so that a connection silently cut (a failover,
     * a network drop) is noticed and replaced.
     */
    @WithDefault("10s")
    Duration heartbeat();

    /** How often caches compare their version with {@code change_version} (catch-up after a missed notification). */
    @WithDefault("3s")
    Duration versionCheck();
}
