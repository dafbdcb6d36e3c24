package cm.vigie.accounts.person;

import java.util.Locale;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.accounts.impersonation.engine.ImageHeader;
import cm.vigie.accounts.impersonation.engine.InvalidImageException;
import cm.vigie.accounts.impersonation.engine.PerceptualHash;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;

/**
 * Perceptual hashes of uploaded reference photos. Only bytes sent in the request are decoded: the service never
 * fetches a URL. A decoded raster can take far more memory than the 2 MB upload (a 300 KB PNG may declare 300 MB of
 * pixels), so an image whose header declares more than {@code vigie.photos.max-pixels} is refused before any
 * decoding, and few decode at once.
 */
@ApplicationScoped
public class PhotoHasher {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private final Semaphore decoding = new Semaphore(2);
    private final PhotoConfig config;

    PhotoHasher(PhotoConfig config) {
        this.config = config;
    }

    /** @return the hash as 16 lowercase hex digits */
    public String hash(String contentType, byte[] image) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!type.equals("image/png") && !type.equals("image/jpeg")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "person.photo.type");
        }
        if (image == null || image.length == 0) {
            throw ProblemException.invalid("photo", "person.photo.invalid");
        }
        if (image.length > MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "person.photo.too-large");
        }
        ImageHeader.Size size = ImageHeader.size(image)
                .orElseThrow(() -> ProblemException.invalid("photo", "person.photo.invalid"));
        if (size.width() <= 0 || size.height() <= 0) {
            throw ProblemException.invalid("photo", "person.photo.invalid");
        }
        if (size.pixels() > config.maxPixels()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "person.photo.too-many-pixels", size.width(),
                    size.height(), config.maxPixels());
        }
        decoding.acquireUninterruptibly();
        try {
            return PhotoHashes.toHex(PerceptualHash.of(image));
        } catch (InvalidImageException e) {
            throw ProblemException.invalid("photo", "person.photo.invalid");
        } finally {
            decoding.release();
        }
    }
}
