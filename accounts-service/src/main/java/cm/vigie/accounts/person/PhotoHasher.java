package cm.vigie.accounts.person;

import java.util.Locale;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.accounts.impersonation.engine.InvalidImageException;
import cm.vigie.accounts.impersonation.engine.PerceptualHash;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;

/**
 * Perceptual hashes of uploaded reference photos. Only bytes sent in the request are decoded: the service never
 * fetches a URL. A decoded raster can take far more memory than the 2 MB upload, so few decode at once.
 */
@ApplicationScoped
public class PhotoHasher {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private final Semaphore decoding = new Semaphore(2);

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
