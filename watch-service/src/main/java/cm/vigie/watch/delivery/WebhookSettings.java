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

    /** Time allowed for one delivery attempt. */
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

    /** Deliveries attempted per dispatcher run. */
    @WithDefault("50")
    int batchSize();
}
