package cm.vigie.accounts.official.verification;

/** What the connector saw when the evidence was submitted. */
public enum CheckOutcome {
    /** The code is in the profile's public text. */
    CODE_FOUND,
    /** The profile was read and the code is not in it (it may be in a post: an operator looks). */
    CODE_NOT_FOUND,
    /** A connector exists but the platform did not answer usefully (no such page, refused token, rate limit). */
    PROFILE_UNAVAILABLE,
    /** No connector can read this platform's profiles here: an operator looks at the evidence. */
    NO_CONNECTOR
}
