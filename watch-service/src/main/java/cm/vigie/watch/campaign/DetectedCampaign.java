package cm.vigie.watch.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A connected group of accounts that published the same objects within the window, above the thresholds. {@code key}
 * is the id of its earliest coordinated post, stable while the group grows.
 */
public record DetectedCampaign(String key, Set<String> accounts, List<SharedPost> posts, List<CampaignSignal> signals,
        Instant firstSeen, Instant lastSeen) {

    public CampaignSignal signal(CampaignSignal.Kind kind) {
        return signals.stream().filter(signal -> signal.kind() == kind).findFirst().orElse(null);
    }
}
