package cm.vigie.accounts.impersonation.engine;

/** Outcome of scoring a candidate, strongest first. */
public enum Verdict {
    /** The candidate is exactly a registered official account (same platform and normalised handle). */
    OFFICIAL,
    /** Score at or above {@link ScoringSettings#likelyThreshold()}. Counts as a positive. */
    LIKELY_IMPERSONATION,
    /** Score at or above {@link ScoringSettings#suspiciousThreshold()}: worth a human look. */
    SUSPICIOUS,
    /** Nothing close, or too little evidence. */
    UNRELATED
}
