package cm.vigie.accounts.impersonation.engine;

import java.time.Duration;

/**
 * Thresholds and limits of the impersonation scoring. An institution may use its own thresholds; the rest is
 * normally left at {@link #defaults()}.
 *
 * @param likelyThreshold     score from which a candidate is {@link Verdict#LIKELY_IMPERSONATION} (0..1)
 * @param suspiciousThreshold score from which a candidate is {@link Verdict#SUSPICIOUS} (0..likelyThreshold)
 * @param youngAccountAge     an account created less than this before "now" is young
 * @param fewFollowers        an account with fewer followers than this has few followers
 * @param avatarMaxDistance   largest Hamming distance (0..64) between perceptual hashes counted as the same photo
 * @param resemblanceMaxEdits largest edit distance between normalised handles that {@code resembles} reports
 */
public record ScoringSettings(double likelyThreshold, double suspiciousThreshold, Duration youngAccountAge,
        long fewFollowers, int avatarMaxDistance, int resemblanceMaxEdits) {

    public ScoringSettings {
        if (!(likelyThreshold > 0 && likelyThreshold <= 1)) {
            throw new IllegalArgumentException("likelyThreshold must be in (0, 1]");
        }
        if (!(suspiciousThreshold > 0 && suspiciousThreshold <= likelyThreshold)) {
            throw new IllegalArgumentException("suspiciousThreshold must be in (0, likelyThreshold]");
        }
        if (youngAccountAge == null || youngAccountAge.isNegative()) {
            throw new IllegalArgumentException("youngAccountAge must be zero or positive");
        }
        if (fewFollowers < 0) {
            throw new IllegalArgumentException("fewFollowers must be zero or positive");
        }
        if (avatarMaxDistance < 0 || avatarMaxDistance > 64) {
            throw new IllegalArgumentException("avatarMaxDistance must be in 0..64");
        }
        if (resemblanceMaxEdits < 0 || resemblanceMaxEdits > 4) {
            throw new IllegalArgumentException("resemblanceMaxEdits must be in 0..4");
        }
    }

    /** The settings the labelled quality set is measured at. */
    public static ScoringSettings defaults() {
        return new ScoringSettings(0.60, 0.35, Duration.ofDays(90), 500, 10, 2);
    }

    /** The same settings with other thresholds (an institution's own). */
    public ScoringSettings withThresholds(double likely, double suspicious) {
        return new ScoringSettings(likely, suspicious, youngAccountAge, fewFollowers, avatarMaxDistance,
                resemblanceMaxEdits);
    }
}
