package cm.vigie.accounts.official.verification.profile;

/** The platform could not tell what the profile says: no such profile, refused token, rate limit, outage. */
public class ProfileUnavailable extends Exception {

    public ProfileUnavailable(String message) {
        super(message);
    }

    public ProfileUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
