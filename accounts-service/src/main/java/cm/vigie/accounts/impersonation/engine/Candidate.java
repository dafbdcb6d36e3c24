package cm.vigie.accounts.impersonation.engine;

import java.time.Instant;

/**
 * An account seen on a platform, to be scored. Only {@code platform} and {@code handle} are required; every
 * other field may be null, and a signal that needs a missing field is simply not raised.
 *
 * @param platform    platform name ({@code FACEBOOK}, {@code X}...)
 * @param handle      handle as seen (a leading {@code @} and case are ignored)
 * @param displayName display name as seen
 * @param bio         profile description
 * @param avatarHash  64-bit perceptual hash of the avatar ({@link PerceptualHash#of(byte[])})
 * @param createdAt   when the account was created
 * @param followers   follower count
 * @param verified    whether the platform shows a verification badge
 */
public record Candidate(String platform, String handle, String displayName, String bio, Long avatarHash,
        Instant createdAt, Long followers, Boolean verified) {

    public Candidate {
        if (platform == null || platform.isBlank()) {
            throw new IllegalArgumentException("platform is required");
        }
        if (handle == null || handle.isBlank()) {
            throw new IllegalArgumentException("handle is required");
        }
    }
}
