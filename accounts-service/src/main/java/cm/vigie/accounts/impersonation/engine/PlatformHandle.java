package cm.vigie.accounts.impersonation.engine;

/**
 * One account on one platform.
 *
 * @param platform platform name as in {@code cm.vigie.accounts.official.Platform} ({@code FACEBOOK}, {@code X}...)
 * @param handle   handle normalised the way official accounts store it (lower case, no leading {@code @})
 */
public record PlatformHandle(String platform, String handle) {
}
