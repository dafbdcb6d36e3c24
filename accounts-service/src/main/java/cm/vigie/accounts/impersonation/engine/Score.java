package cm.vigie.accounts.impersonation.engine;

import java.util.List;

/**
 * The result of scoring one candidate.
 *
 * @param verdict the verdict at the index's {@link ScoringSettings}
 * @param score   0..1, 1 for an exact official account
 * @param closest the reference the candidate is closest to; null when nothing is close
 * @param signals the evidence, strongest contribution first; empty when nothing is close
 */
public record Score(Verdict verdict, double score, Reference closest, List<Signal> signals) {

    public Score {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
