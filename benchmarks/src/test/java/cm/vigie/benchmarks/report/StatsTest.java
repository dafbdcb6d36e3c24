package cm.vigie.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(2841.0, Stats.median(List.of(3100.0, 2841.0, 2790.5)));
        assertEquals(7.0, Stats.median(List.of(7.0)));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void medianDoesNotReorderTheSamples() {
        List<Double> samples = new java.util.ArrayList<>(List.of(3.0, 1.0, 2.0));
        Stats.median(samples);
        assertEquals(List.of(3.0, 1.0, 2.0), samples);
    }

    @Test
    void maxIsTheLargest() {
        assertEquals(3100.0, Stats.max(List.of(2841.0, 3100.0, 2790.5)));
    }

    @Test
    void refusesNoSamples() {
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Stats.max(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of(1.0, Double.NaN)));
    }
}
