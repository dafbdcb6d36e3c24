package cm.vigie.watch.source;

import java.time.Duration;
import java.util.Optional;

/** A poll that failed; its message is shown in the source's status, so it must be short and say what went wrong. */
public class ConnectorException extends Exception {

    private final transient Duration retryAfter;

    public ConnectorException(String message) {
        this(message, null, null);
    }

    public ConnectorException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** @param retryAfter how long the platform asked us to wait (HTTP {@code Retry-After}), or null */
    public ConnectorException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
