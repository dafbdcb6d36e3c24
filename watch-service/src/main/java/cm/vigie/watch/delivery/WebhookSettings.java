package cm.vigie.watch.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Outbound webhooks (vigie.watch.webhooks.*). */
@ConfigMapping(prefix = "vigie.watch.webhooks")
public interface WebhookSettings {

    /** Let webhooks target loopback, link-local and private addresses (local development and tests only). */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /**
     * Total deadline of one delivery attempt, from connecting to the last byte of the answer: a target that answers
     * its headers and then stalls is cut off there (ADR 0028).
     */
    @WithDefault("PT5S")
    Duration timeout();

    /** Delay before the first retry; each further retry waits twice as long. */
    @WithDefault("PT2S")
    Duration initialBackoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /** Attempts of one delivery before it is FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Failed attempts in a row after which the webhook disables itself. */
    @WithDefault("20")
    int disableAfterFailures();

    /** How often due deliveries are sent (read by the scheduler as a string, e.g. 1s). */
    @WithDefault("1s")
    String dispatchEvery();

    /** Attempts under way at once to one webhook in one instance, so that a stuck target holds no more than this. */
    @WithDefault("2")
    int perTargetInFlight();

    /** Deliveries under way at once in one instance (and claimed per dispatcher run). */
    @WithDefault("50")
    int batchSize();
}
