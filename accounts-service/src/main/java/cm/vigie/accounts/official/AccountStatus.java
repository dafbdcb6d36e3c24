package cm.vigie.accounts.official;

public enum AccountStatus {
    ACTIVE,
    COMPROMISED,
    RECOVERED,
    ARCHIVED
}
