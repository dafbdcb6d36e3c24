package cm.vigie.accounts.official.verification;

/** Where a claim of ownership stands. */
public enum ClaimState {
    /** A code was issued; no evidence submitted yet. */
    CHALLENGED,
    /** Evidence submitted; a platform operator decides. */
    QUEUED,
    /** Proven: by a connector reading the code on the profile, or by an operator. */
    VERIFIED,
    /** An operator refused the evidence. */
    REJECTED
}
