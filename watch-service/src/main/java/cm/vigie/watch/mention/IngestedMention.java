package cm.vigie.watch.mention;

import java.time.Instant;
import java.util.UUID;

/** A mention of a batch once stored: new ones go through alerting; repeats only had their metrics updated. */
public record IngestedMention(UUID id, PreparedMention mention, boolean created, Instant ingestedAt) {
}
