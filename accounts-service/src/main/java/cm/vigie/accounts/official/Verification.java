package cm.vigie.accounts.official;

/**
 * Whether the institution proved it controls an official account. Beside {@link AccountStatus}, not part of it: a
 * verified account can still be compromised or archived, and the status filter clients use keeps its meaning.
 * Only {@link #VERIFIED} accounts are vouched for by the public check.
 */
public enum Verification {
    /** Registered; ownership not proven yet (no code checked, or waiting in the operators' queue). */
    PENDING_VERIFICATION,
    /** Proven: the code was found on the profile by a connector, or an operator approved the evidence. */
    VERIFIED,
    /** An operator refused the evidence; a new code may be requested to try again. */
    REJECTED
}
