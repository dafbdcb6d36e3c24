package cm.vigie.accounts.suspect;

import java.util.UUID;

import cm.vigie.accounts.official.Platform;

/** A candidate that scored at or above the institution's threshold in a scan. Handle already normalised. */
public record ScoredSuspect(Platform platform, String handle, String displayName, UUID personId, UUID officialAccountId,
        double score, String verdict) {
}
