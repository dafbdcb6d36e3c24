package cm.vigie.accounts.suspect;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a takedown case stands. SUSPECTED → CONFIRMED → REPORTED → TAKEN_DOWN, or REJECTED_BY_PLATFORM (which may
 * be reported again, on appeal), or FALSE_POSITIVE before it is reported.
 */
public enum SuspectStatus {
    SUSPECTED,
    CONFIRMED,
    REPORTED,
    TAKEN_DOWN,
    REJECTED_BY_PLATFORM,
    FALSE_POSITIVE;

    public Set<SuspectStatus> next() {
        return switch (this) {
            case SUSPECTED -> EnumSet.of(CONFIRMED, FALSE_POSITIVE);
            case CONFIRMED -> EnumSet.of(REPORTED, FALSE_POSITIVE);
            case REPORTED -> EnumSet.of(TAKEN_DOWN, REJECTED_BY_PLATFORM);
            case REJECTED_BY_PLATFORM -> EnumSet.of(REPORTED);
            case TAKEN_DOWN, FALSE_POSITIVE -> EnumSet.noneOf(SuspectStatus.class);
        };
    }

    public boolean canMoveTo(SuspectStatus target) {
        return next().contains(target);
    }

    /** A case that no move can reopen. */
    public boolean closed() {
        return next().isEmpty();
    }
}
