package cm.vigie.accounts.impersonation.engine;

/** What a {@link Reference} stands for: a person whose identity is abused, or an account an institution owns. */
public enum ReferenceKind {
    /** An official (minister, director...) registered as a protected person, with names, titles and photos. */
    PROTECTED_PERSON,
    /** A registered official account (platform + handle) of an institution. */
    OFFICIAL_ACCOUNT
}
