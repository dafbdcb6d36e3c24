package cm.vigie.watch.mention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A mention of a batch once stored: new ones go through alerting; repeats only had their metrics updated.
 *
 * @param previousEngagement for a repeat, the stored likes + shares + comments before this batch (REACH fires when
 *                           a repost crosses a threshold); null for a new mention
 * @param storedWatchlists   for a repeat, the watchlists the stored mention matched when it was first ingested
 * @param exerciseId         the exercise the stored mention belongs to, null for real data
 */
public record IngestedMention(UUID id, PreparedMention mention, boolean created, Instant ingestedAt,
        Long previousEngagement, List<UUID> storedWatchlists, UUID exerciseId) {

    /** The watchlists that alert on this mention: its own for a new one, the stored ones for a repeat. */
    public List<UUID> watchlists() {
        return created ? mention.matchedWatchlists() : storedWatchlists;
    }
}
