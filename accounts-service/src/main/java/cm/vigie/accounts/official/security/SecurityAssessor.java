package cm.vigie.accounts.official.security;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cm.vigie.accounts.official.AccountStatus;
import cm.vigie.commons.problem.Messages;

/** Scores an official account's protection from 0 (lost) to 100 and says what to fix, in French and English. */
public final class SecurityAssessor {

    /**
     * What the assessment looks at; {@code posture} is null when the institution has declared nothing yet;
     * {@code formerMembers} are custodians whose membership of the institution ended (disabled or removed).
     */
    public record Inputs(AccountStatus status, SecurityPosture posture, String institutionEmailDomain,
            int custodians, boolean backupCustodian, LocalDate today, List<String> formerMembers) {

        public Inputs(AccountStatus status, SecurityPosture posture, String institutionEmailDomain, int custodians,
                boolean backupCustodian, LocalDate today) {
            this(status, posture, institutionEmailDomain, custodians, backupCustodian, today, List.of());
        }
    }

    public record Assessment(int score, List<Finding> findings) {
    }

    private static final Comparator<Finding> WORST_FIRST = Comparator.comparing((Finding f) -> f.severity())
            .thenComparing(Comparator.comparingInt(Finding::penalty).reversed())
            .thenComparing(f -> f.code().name());

    private final int rotationMaxAgeDays;
    private final int reviewMaxAgeDays;
    private final Set<String> personalDomains;

    public SecurityAssessor(int rotationMaxAgeDays, int reviewMaxAgeDays, Set<String> personalDomains) {
        this.rotationMaxAgeDays = rotationMaxAgeDays;
        this.reviewMaxAgeDays = reviewMaxAgeDays;
        this.personalDomains = personalDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    public Assessment assess(Inputs in) {
        List<Finding> findings = new ArrayList<>();
        if (!in.formerMembers().isEmpty()) {
            findings.add(finding(FindingCode.FORMER_MEMBER_STILL_CUSTODIAN, String.join(", ", in.formerMembers())));
        }
        if (in.status() == AccountStatus.COMPROMISED) {
            findings.add(finding(FindingCode.ACCOUNT_COMPROMISED));
        }
        if (in.custodians() == 0) {
            findings.add(finding(FindingCode.NO_CUSTODIAN));
        }
        SecurityPosture posture = in.posture();
        if (posture == null) {
            findings.add(finding(FindingCode.POSTURE_UNKNOWN));
        } else {
            if (!posture.twoFactorEnabled) {
                findings.add(finding(FindingCode.NO_2FA));
            }
            if (posture.adminCount <= 1) {
                findings.add(finding(FindingCode.SINGLE_ADMIN, posture.adminCount));
            }
            if (!posture.backupAdminPresent && !in.backupCustodian()) {
                findings.add(finding(FindingCode.NO_BACKUP_ADMIN));
            }
            recoveryEmail(posture.recoveryEmail, in.institutionEmailDomain(), findings);
            overdue(FindingCode.ROTATION_OVERDUE, posture.credentialsRotatedOn, rotationMaxAgeDays, in.today(), findings);
            overdue(FindingCode.REVIEW_OVERDUE, posture.lastReviewOn, reviewMaxAgeDays, in.today(), findings);
        }
        findings.sort(WORST_FIRST);
        int score = Math.max(0, 100 - findings.stream().mapToInt(Finding::penalty).sum());
        return new Assessment(score, List.copyOf(findings));
    }

    private void recoveryEmail(String email, String institutionDomain, List<Finding> findings) {
        if (email == null || email.isBlank()) {
            findings.add(finding(FindingCode.NO_RECOVERY_EMAIL));
            return;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        boolean onInstitutionDomain = institutionDomain != null
                && (domain.equals(institutionDomain) || domain.endsWith("." + institutionDomain));
        boolean personal = institutionDomain != null ? !onInstitutionDomain : personalDomains.contains(domain);
        if (personal) {
            findings.add(finding(FindingCode.PERSONAL_RECOVERY_EMAIL, domain,
                    institutionDomain == null ? "—" : institutionDomain));
        }
    }

    private static void overdue(FindingCode code, LocalDate last, int maxAgeDays, LocalDate today, List<Finding> findings) {
        if (last == null) {
            findings.add(finding(code, "?", maxAgeDays, 0));
            return;
        }
        long days = ChronoUnit.DAYS.between(last, today);
        if (days > maxAgeDays) {
            findings.add(finding(code, days, maxAgeDays, 1));
        }
    }

    private static Finding finding(FindingCode code, Object... args) {
        return new Finding(code, code.severity(), code.penalty(), new Finding.Message(
                Messages.get(Messages.FRENCH, code.messageKey(), args),
                Messages.get(Messages.ENGLISH, code.messageKey(), args)));
    }
}
