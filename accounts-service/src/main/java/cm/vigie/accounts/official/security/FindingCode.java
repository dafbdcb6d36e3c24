package cm.vigie.accounts.official.security;

/**
 * What can be wrong with an official account's protection, with how much it costs the score (out of 100). The
 * weights follow how pages are actually lost: a taken-over password without a second factor first, then the single
 * admin who leaves, then a recovery address nobody at the institution controls. Someone who left the institution and
 * still holds the keys comes before all of them: the page is in the hands of a person Vigie no longer vouches for.
 */
public enum FindingCode {
    FORMER_MEMBER_STILL_CUSTODIAN(Severity.CRITICAL, 50),
    ACCOUNT_COMPROMISED(Severity.CRITICAL, 40),
    POSTURE_UNKNOWN(Severity.HIGH, 50),
    NO_2FA(Severity.CRITICAL, 30),
    SINGLE_ADMIN(Severity.HIGH, 15),
    NO_BACKUP_ADMIN(Severity.HIGH, 15),
    NO_RECOVERY_EMAIL(Severity.HIGH, 15),
    PERSONAL_RECOVERY_EMAIL(Severity.HIGH, 15),
    ROTATION_OVERDUE(Severity.MEDIUM, 10),
    REVIEW_OVERDUE(Severity.MEDIUM, 10),
    NO_CUSTODIAN(Severity.LOW, 5);

    private final Severity severity;
    private final int penalty;

    FindingCode(Severity severity, int penalty) {
        this.severity = severity;
        this.penalty = penalty;
    }

    public Severity severity() {
        return severity;
    }

    public int penalty() {
        return penalty;
    }

    /** Key of the finding's message in the {@code messages} bundles. */
    String messageKey() {
        return "security.finding." + name();
    }
}
