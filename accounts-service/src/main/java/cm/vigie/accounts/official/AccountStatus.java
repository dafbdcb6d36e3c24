package cm.vigie.accounts.official;

import java.util.Set;

/** Life of an official account; every change is recorded with its reason. */
public enum AccountStatus {
    /** In use and under the institution's control. */
    ACTIVE,
    /** Taken over or suspected to be: someone else may be publishing. */
    COMPROMISED,
    /** Control regained after a compromise; to be reviewed before it is ACTIVE again. */
    RECOVERED,
    /** No longer used; kept so that the handle stays known as the institution's. */
    ARCHIVED;

    /** Where an account may go from here. */
    public Set<AccountStatus> next() {
        return switch (this) {
            case ACTIVE -> Set.of(COMPROMISED, ARCHIVED);
            case COMPROMISED -> Set.of(RECOVERED, ARCHIVED);
            case RECOVERED -> Set.of(ACTIVE, COMPROMISED, ARCHIVED);
            case ARCHIVED -> Set.of(ACTIVE);
        };
    }

    public boolean canMoveTo(AccountStatus target) {
        return next().contains(target);
    }
}
