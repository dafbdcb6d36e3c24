package cm.vigie.watch.hoax.similarity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector's quality on the labelled pairs in {@code hoax/labelled-pairs.txt}, measured as production runs
 * it: every claim in one index with the default settings, each text queried against all of them. A pair counts as
 * detected when the text's matches include the pair's claim.
 */
class HoaxDetectionQualityTest {

    static final double MIN_RECALL = 0.90;
    static final double MIN_PRECISION = 0.95;

    private static LabelledPairs set;
    private static NearDuplicateIndex<Integer> index;

    @BeforeAll
    static void indexEveryClaim() throws Exception {
        set = LabelledPairs.load();
        NearDuplicateIndex.Builder<Integer> builder = NearDuplicateIndex.builder(NearDuplicateIndex.Settings.DEFAULT);
        for (int i = 0; i < set.claims().size(); i++) {
            assertTrue(builder.add(i, set.claims().get(i)), "claim too short to index: " + set.claims().get(i));
        }
        index = builder.build();
    }

    @Test
    void theLabelledSetIsLargeEnoughAndHasBothLabels() {
        assertTrue(set.pairs().size() >= 150, "at least 150 pairs, found " + set.pairs().size());
        assertTrue(set.counts().getOrDefault(false, 0L) >= 50, "at least 50 negative pairs");
        assertTrue(set.counts().getOrDefault(true, 0L) >= 50, "at least 50 positive pairs");
    }

    @Test
    void recallAndPrecisionStayAboveTheirFloors() {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> mistakes = new ArrayList<>();
        for (LabelledPairs.Pair pair : set.pairs()) {
            boolean detected = index.query(pair.text()).stream().anyMatch(match -> match.key() == pair.claim());
            if (detected && pair.restatement()) {
                truePositives++;
            } else if (detected) {
                falsePositives++;
                mistakes.add("false positive: " + pair.text());
            } else if (pair.restatement()) {
                falseNegatives++;
                mistakes.add("missed: " + pair.text());
            }
        }
        double recall = (double) truePositives / (truePositives + falseNegatives);
        double precision = truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        String report = "recall %.3f precision %.3f on %d pairs%n%s".formatted(recall, precision, set.pairs().size(),
                String.join("\n", mistakes));
        System.out.println(report);
        assertTrue(recall >= MIN_RECALL, report);
        assertTrue(precision >= MIN_PRECISION, report);
    }

    @Test
    void noTextIsFlaggedWithTheClaimOfAnotherHoax() {
        // Claims come in French and English variants of one hoax: a text matching the other variant is not wrong.
        List<String> mistakes = new ArrayList<>();
        for (LabelledPairs.Pair pair : set.pairs()) {
            for (var match : index.query(pair.text())) {
                if (match.key() / 2 != pair.claim() / 2) {
                    mistakes.add(pair.text() + " -> " + set.claims().get(match.key()) + " " + match.similarity());
                }
            }
        }
        assertTrue(mistakes.isEmpty(), String.join("\n", mistakes));
    }
}
