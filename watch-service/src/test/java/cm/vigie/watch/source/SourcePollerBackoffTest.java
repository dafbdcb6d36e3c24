package cm.vigie.watch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SourcePollerBackoffTest {

    private final SourcePoller poller = new SourcePoller(null, null, null, TestSourcesSettings.local(), null, null, null);

    @Test
    void theWaitDoublesWithEachFailureUpToTheCap() {
        assertEquals(Duration.ofMinutes(1), poller.backoff(1, null));
        assertEquals(Duration.ofMinutes(2), poller.backoff(2, null));
        assertEquals(Duration.ofMinutes(256), poller.backoff(9, null));
        assertEquals(Duration.ofHours(6), poller.backoff(10, null));
        assertEquals(Duration.ofHours(6), poller.backoff(500, null), "no overflow after many failures");
    }

    @Test
    void aLongerRetryAfterWinsButStaysUnderTheCap() {
        assertEquals(Duration.ofMinutes(10), poller.backoff(1, Duration.ofMinutes(10)));
        assertEquals(Duration.ofMinutes(4), poller.backoff(3, Duration.ofSeconds(30)));
        assertEquals(Duration.ofHours(6), poller.backoff(1, Duration.ofDays(2)));
    }
}
