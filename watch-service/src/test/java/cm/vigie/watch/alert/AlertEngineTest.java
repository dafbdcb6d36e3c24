package cm.vigie.watch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AlertEngineTest {

    static long[] hours(long last, long... baseline) {
        long[] counts = new long[baseline.length + 1];
        counts[0] = last;
        System.arraycopy(baseline, 0, counts, 1, baseline.length);
        return counts;
    }

    @Test
    void aSpikeIsAboveMeanPlusKSigmaAndTheMinimumCount() {
        long[] calm = new long[24];
        java.util.Arrays.fill(calm, 4);
        calm[3] = 6;
        calm[10] = 2;
        assertTrue(AlertEngine.isSpike(hours(40, calm), 3, 10));
        assertFalse(AlertEngine.isSpike(hours(6, calm), 3, 10), "within the usual variation");
        assertFalse(AlertEngine.isSpike(hours(9, new long[24]), 3, 10), "under the minimum count");
        assertTrue(AlertEngine.isSpike(hours(10, new long[24]), 3, 10), "from nothing to the minimum");
        long[] noisy = new long[24];
        for (int i = 0; i < 24; i++) {
            noisy[i] = i % 2 == 0 ? 0 : 40;
        }
        assertFalse(AlertEngine.isSpike(hours(70, noisy), 3, 10), "mean 20, sigma 20: 70 < 80");
        assertTrue(AlertEngine.isSpike(hours(70, noisy), 2, 10), "with k = 2: 70 > 60");
    }

    @Test
    void windowsAreAlignedOnTheEpoch() {
        assertEquals(Instant.parse("2026-11-27T08:00:00Z"),
                AlertEngine.windowStart(Instant.parse("2026-11-27T08:59:59Z"), Duration.ofHours(1)));
        assertEquals(Instant.parse("2026-11-27T08:45:00Z"),
                AlertEngine.windowStart(Instant.parse("2026-11-27T08:59:59Z"), Duration.ofMinutes(15)));
    }
}
