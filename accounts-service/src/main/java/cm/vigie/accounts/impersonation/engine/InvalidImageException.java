package cm.vigie.accounts.impersonation.engine;

/** The bytes given to {@link PerceptualHash#of(byte[])} are not a PNG or JPEG image that can be decoded. */
public class InvalidImageException extends Exception {

    public InvalidImageException(String message) {
        super(message);
    }

    public InvalidImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
