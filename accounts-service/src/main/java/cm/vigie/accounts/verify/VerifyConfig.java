package cm.vigie.accounts.verify;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "vigie.verify")
public interface VerifyConfig {

    /** Checks one client address may make per minute (also the burst), across all replicas. */
    @WithDefault("30")
    int requestsPerMinute();

    /**
     * Replicas of accounts-service sharing that budget: each grants its share ({@code requests-per-minute / replicas},
     * rounded up). Set from {@code vigie.replicas} (ADR 0032).
     */
    @WithDefault("1")
    int replicas();

    /** How long browsers and caches may keep an answer. */
    @WithDefault("300")
    int maxAgeSeconds();

    /** At most this many resembling official accounts are listed. */
    @WithDefault("5")
    int maxResemblances();

    /**
     * Addresses of proxies (the gateway) whose X-Forwarded-For is believed; the client address is then the last
     * address in that header that is not itself a trusted proxy.
     */
    @WithDefault("127.0.0.1,0:0:0:0:0:0:0:1")
    List<String> trustedProxies();
}
