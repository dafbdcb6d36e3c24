package cm.vigie.accounts.official.custodian;

/** What a person does with an official account's keys. */
public enum CustodianRole {
    /** Holds the account and answers for it. */
    OWNER,
    /** Publishes with it day to day. */
    EDITOR,
    /** Can take over when the owner is gone; the remedy for the single admin who leaves. */
    BACKUP
}
