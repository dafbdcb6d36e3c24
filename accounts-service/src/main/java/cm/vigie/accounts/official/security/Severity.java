package cm.vigie.accounts.official.security;

/** How urgently a finding must be fixed. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW
}
