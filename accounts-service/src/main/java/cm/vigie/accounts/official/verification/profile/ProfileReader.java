package cm.vigie.accounts.official.verification.profile;

import cm.vigie.accounts.official.Platform;

/**
 * Reads the public text of a profile (bio, description) through a platform's documented API, so that a challenge
 * code placed there can be found without a person looking.
 */
public interface ProfileReader {

    /** Whether this reader can read profiles of this platform now (supported and configured). */
    boolean reads(Platform platform);

    /**
     * The public text of the profile with this normalised handle.
     *
     * @throws ProfileUnavailable when the platform does not answer, refuses, or has no such profile
     */
    ProfileText read(String handle) throws ProfileUnavailable;
}
