package cm.vigie.watch.source;

import java.time.Duration;

/** Settings for connector unit tests: local addresses allowed, short timeouts. */
public record TestSourcesSettings(boolean allowPrivateAddresses, int maxBytes, Duration fetchDeadline)
        implements SourcesSettings {

    public TestSourcesSettings(boolean allowPrivateAddresses, int maxBytes) {
        this(allowPrivateAddresses, maxBytes, Duration.ofSeconds(10));
    }

    public static TestSourcesSettings local() {
        return new TestSourcesSettings(true, 5_000_000);
    }

    @Override
    public boolean schedule() {
        return false;
    }

    @Override
    public Duration tick() {
        return Duration.ofSeconds(30);
    }

    @Override
    public int batch() {
        return 20;
    }

    @Override
    public Duration lease() {
        return Duration.ofMinutes(5);
    }

    @Override
    public Duration backoffBase() {
        return Duration.ofMinutes(1);
    }

    @Override
    public Duration backoffMax() {
        return Duration.ofHours(6);
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration requestTimeout() {
        return Duration.ofSeconds(5);
    }
}
