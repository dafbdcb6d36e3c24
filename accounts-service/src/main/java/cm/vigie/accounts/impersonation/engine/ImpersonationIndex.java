package cm.vigie.accounts.impersonation.engine;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The references of one institution (or of the whole platform, for public verification), prepared for fast
 * impersonation scoring. Immutable and thread-safe: build a new one when references change.
 */
public final class ImpersonationIndex {

    private ImpersonationIndex() {
    }

    /** Prepares skeletons, n-gram blocks and exact-handle lookups of the references. */
    public static ImpersonationIndex build(Collection<Reference> references, ScoringSettings settings) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Scores one candidate against the closest reference.
     *
     * @param now the instant against which the account's age is measured
     */
    public Score score(Candidate candidate, Instant now) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Official accounts whose handle has the same confusable skeleton as the given handle, or is within
     * {@link ScoringSettings#resemblanceMaxEdits()} edits of it, most similar first, at most {@code max}.
     * An exactly equal official account (same platform and handle) is not a resemblance and is left out.
     *
     * @param platform platform of the looked-up handle; resemblances on every platform are returned, the same
     *                 platform first at equal similarity
     * @param handle   handle as a citizen typed it (leading {@code @}, case, spaces and mixed scripts are tolerated)
     */
    public List<Resemblance> resembles(String platform, String handle, int max) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
