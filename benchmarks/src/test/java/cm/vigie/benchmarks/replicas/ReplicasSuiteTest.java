package cm.vigie.benchmarks.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReplicasSuiteTest {

    @Test
    void percentilesAreNearestRank() {
        List<Double> sorted = java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> (double) i).toList();
        assertEquals(20.0, ReplicasSuite.percentile(sorted, 0.50));
        assertEquals(40.0, ReplicasSuite.percentile(sorted, 0.99));
        assertEquals(7.0, ReplicasSuite.percentile(List.of(7.0), 0.99));
    }

    @Test
    void aMissCountsAtTheGiveUpBoundSoTheTargetFails() {
        List<Double> sorted = new java.util.ArrayList<>(java.util.Collections.nCopies(39, 120.0));
        sorted.add((double) ReplicasSuite.GIVE_UP_MS);
        assertEquals(ReplicasSuite.GIVE_UP_MS, ReplicasSuite.percentile(sorted, 0.99));
    }
}
