package cm.vigie.accounts.signin;

/** Who must sign in with a second factor. */
public enum TwoFactorScope {
    /** Nobody is required to (members may still enrol). */
    NONE,
    /** Every member of the institution. */
    ALL,
    /** Members holding at least one of the policy's roles. */
    ROLES
}
