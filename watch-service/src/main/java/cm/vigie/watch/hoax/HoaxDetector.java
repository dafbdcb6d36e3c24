package cm.vigie.watch.hoax;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the known hoaxes (the institution's own and the shared ones) that a text restates.
 * Called by ingestion for every mention; answers from an in-memory index.
 */
@ApplicationScoped
public class HoaxDetector {

    /** The hoaxes the text is a near-duplicate of, best first; empty when none. */
    public List<HoaxMatch> detect(String institutionId, String text) {
        return List.of();
    }
}
