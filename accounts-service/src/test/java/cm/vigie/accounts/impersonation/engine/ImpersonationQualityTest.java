package cm.vigie.accounts.impersonation.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the scoring on the labelled set ({@code src/test/resources/impersonation}), at the
 * default settings, LIKELY_IMPERSONATION counting as positive. Prints the confusion matrix, the figures per
 * category and every mistake, so that a drop is explained in the build log.
 */
class ImpersonationQualityTest {

    @Test
    void precisionAndRecallAtTheDefaultThreshold() {
        ImpersonationIndex index = ImpersonationIndex.build(LabelledSet.references(), ScoringSettings.defaults());
        List<LabelledSet.Row> rows = LabelledSet.labelled();
        assertTrue(rows.size() >= 200, "the labelled set has at least 200 candidates");
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        Map<String, int[]> perCategory = new TreeMap<>();
        StringBuilder mistakes = new StringBuilder();
        for (LabelledSet.Row row : rows) {
            Score score = index.score(row.candidate(), LabelledSet.NOW);
            boolean positive = score.verdict() == Verdict.LIKELY_IMPERSONATION;
            int[] counts = perCategory.computeIfAbsent(row.category().replaceAll("-(cyrillic|greek|digit0|digit1|"
                    + "capitalI|i_l|rn_m|double|swap|drop)$", ""), k -> new int[2]);
            counts[1]++;
            if (positive == row.impersonation()) {
                counts[0]++;
            }
            if (positive && row.impersonation()) {
                tp++;
            } else if (positive) {
                fp++;
            } else if (row.impersonation()) {
                fn++;
            } else {
                tn++;
            }
            if (positive != row.impersonation()) {
                mistakes.append(String.format("  %s %-28s %s @%s \"%s\" -> %s %.3f closest=%s %s%n",
                        row.impersonation() ? "FN" : "FP", row.category(), row.candidate().platform(),
                        row.candidate().handle(), row.candidate().displayName(), score.verdict(), score.score(),
                        score.closest() == null ? null : score.closest().displayName(), score.signals()));
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        System.out.printf("Impersonation quality on %d candidates: TP=%d FP=%d FN=%d TN=%d precision=%.3f "
                + "recall=%.3f%n", rows.size(), tp, fp, fn, tn, precision, recall);
        perCategory.forEach((category, counts) -> System.out.printf("  %-32s %3d/%3d right%n", category,
                counts[0], counts[1]));
        System.out.print(mistakes);
        assertTrue(precision >= 0.95, "precision " + precision + " < 0.95");
        assertTrue(recall >= 0.90, "recall " + recall + " < 0.90");
    }
}
