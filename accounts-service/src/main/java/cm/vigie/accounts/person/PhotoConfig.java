package cm.vigie.accounts.person;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Uploaded reference photos ({@code vigie.photos.*}). */
@ConfigMapping(prefix = "vigie.photos")
public interface PhotoConfig {

    /**
     * Largest decoded size, in pixels (width x height from the image's header), of a photo the service decodes: at
     * 4 bytes a pixel, 16,777,216 (4096 x 4096) is a 64 MB raster. Larger images are refused before decoding (413).
     */
    @WithDefault("16777216")
    long maxPixels();
}
