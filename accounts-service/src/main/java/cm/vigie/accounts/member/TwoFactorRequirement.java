package cm.vigie.accounts.member;

import java.util.Collection;

/**
 * Whether the institution's sign-in policy requires a second factor of a member with these roles; when it does, an
 * invitation also requires CONFIGURE_TOTP at first sign-in. The default answers false; the sign-in policy provides
 * the real one.
 */
public interface TwoFactorRequirement {

    /** {@code institution} is the institution's slug (its realm). */
    boolean requiredFor(String institution, Collection<String> roles);
}
