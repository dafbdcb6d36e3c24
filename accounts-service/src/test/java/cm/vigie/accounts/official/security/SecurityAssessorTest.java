package cm.vigie.accounts.official.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cm.vigie.accounts.official.AccountStatus;

class SecurityAssessorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private final SecurityAssessor assessor = new SecurityAssessor(90, 180, Set.of("gmail.com", "yahoo.fr"));

    private static SecurityPosture wellKept() {
        SecurityPosture posture = new SecurityPosture();
        posture.twoFactorEnabled = true;
        posture.recoveryEmail = "communication@minsante.cm";
        posture.credentialsRotatedOn = TODAY.minusDays(30);
        posture.adminCount = 3;
        posture.backupAdminPresent = true;
        posture.lastReviewOn = TODAY.minusDays(10);
        return posture;
    }

    private SecurityAssessor.Assessment assess(SecurityPosture posture, String domain) {
        return assessor.assess(new SecurityAssessor.Inputs(AccountStatus.ACTIVE, posture, domain, 2, false, TODAY));
    }

    private static List<FindingCode> codes(SecurityAssessor.Assessment assessment) {
        return assessment.findings().stream().map(Finding::code).toList();
    }

    @Test
    void aWellKeptPageScoresFullMarks() {
        SecurityAssessor.Assessment assessment = assess(wellKept(), "minsante.cm");
        assertEquals(100, assessment.score());
        assertEquals(List.of(), assessment.findings());
    }

    @Test
    void eachWeaknessIsAFindingWorstFirstAndCostsItsPenalty() {
        SecurityPosture posture = wellKept();
        posture.twoFactorEnabled = false;
        posture.adminCount = 1;
        posture.backupAdminPresent = false;
        posture.recoveryEmail = "jean.dupont@gmail.com";
        posture.credentialsRotatedOn = TODAY.minusDays(91);
        posture.lastReviewOn = null;
        SecurityAssessor.Assessment assessment = assess(posture, "minsante.cm");
        assertEquals(List.of(FindingCode.NO_2FA, FindingCode.NO_BACKUP_ADMIN, FindingCode.PERSONAL_RECOVERY_EMAIL,
                FindingCode.SINGLE_ADMIN, FindingCode.REVIEW_OVERDUE, FindingCode.ROTATION_OVERDUE), codes(assessment));
        assertEquals(100 - 30 - 15 - 15 - 15 - 10 - 10, assessment.score());
        Finding rotation = assessment.findings().stream().filter(f -> f.code() == FindingCode.ROTATION_OVERDUE).findFirst().orElseThrow();
        assertEquals("Credentials were last rotated 91 days ago; rotate them at least every 90 days.", rotation.message().en());
        assertEquals("Les identifiants ont été changés il y a 91 jours ; changez-les au moins tous les 90 jours.", rotation.message().fr());
        Finding review = assessment.findings().stream().filter(f -> f.code() == FindingCode.REVIEW_OVERDUE).findFirst().orElseThrow();
        assertTrue(review.message().en().startsWith("No security review is recorded"), review.message().en());
    }

    @Test
    void rotationIsOverdueOnlyAfterNinetyDays() {
        SecurityPosture posture = wellKept();
        posture.credentialsRotatedOn = TODAY.minusDays(90);
        assertEquals(100, assess(posture, null).score());
        posture.credentialsRotatedOn = TODAY.minusDays(91);
        assertEquals(List.of(FindingCode.ROTATION_OVERDUE), codes(assess(posture, null)));
    }

    @Test
    void recoveryEmailMustBeOnTheInstitutionsDomainWhenItIsKnown() {
        SecurityPosture posture = wellKept();
        posture.recoveryEmail = "it@sg.minsante.cm";
        assertEquals(100, assess(posture, "minsante.cm").score(), "a subdomain is the institution's");
        posture.recoveryEmail = "agent@consultant-agency.com";
        assertEquals(List.of(FindingCode.PERSONAL_RECOVERY_EMAIL), codes(assess(posture, "minsante.cm")));
        assertEquals(100, assess(posture, null).score(), "without a declared domain only free mail is personal");
        posture.recoveryEmail = "minsante.cm@yahoo.fr";
        assertEquals(List.of(FindingCode.PERSONAL_RECOVERY_EMAIL), codes(assess(posture, null)));
        posture.recoveryEmail = null;
        assertEquals(List.of(FindingCode.NO_RECOVERY_EMAIL), codes(assess(posture, "minsante.cm")));
    }

    @Test
    void aBackupCustodianCountsAsABackupAdmin() {
        SecurityPosture posture = wellKept();
        posture.backupAdminPresent = false;
        assertEquals(List.of(FindingCode.NO_BACKUP_ADMIN), codes(assess(posture, null)));
        assertEquals(100, assessor.assess(new SecurityAssessor.Inputs(AccountStatus.ACTIVE, posture, null, 2, true, TODAY)).score());
    }

    @Test
    void nothingDeclaredOrACompromiseWeighsHeavilyAndTheScoreNeverGoesBelowZero() {
        SecurityAssessor.Assessment unknown = assessor.assess(new SecurityAssessor.Inputs(AccountStatus.ACTIVE, null, null, 0, false, TODAY));
        assertEquals(List.of(FindingCode.POSTURE_UNKNOWN, FindingCode.NO_CUSTODIAN), codes(unknown));
        assertEquals(45, unknown.score());

        SecurityPosture posture = wellKept();
        posture.twoFactorEnabled = false;
        posture.adminCount = 0;
        posture.backupAdminPresent = false;
        posture.recoveryEmail = null;
        posture.credentialsRotatedOn = null;
        posture.lastReviewOn = null;
        SecurityAssessor.Assessment worst = assessor.assess(new SecurityAssessor.Inputs(AccountStatus.COMPROMISED, posture, null, 0, false, TODAY));
        assertEquals(FindingCode.ACCOUNT_COMPROMISED, worst.findings().get(0).code());
        assertEquals(0, worst.score());
    }

    @Test
    void aCustodianWhoLeftIsTheFirstFindingEvenOnACompromisedPage() {
        SecurityAssessor.Assessment assessment = assessor.assess(new SecurityAssessor.Inputs(AccountStatus.COMPROMISED,
                wellKept(), "minsante.cm", 2, true, TODAY, List.of("cm.former", "old.admin")));
        assertEquals(List.of(FindingCode.FORMER_MEMBER_STILL_CUSTODIAN, FindingCode.ACCOUNT_COMPROMISED), codes(assessment));
        assertEquals(10, assessment.score());
        Finding former = assessment.findings().get(0);
        assertEquals(Severity.CRITICAL, former.severity());
        assertTrue(former.message().en().startsWith("cm.former, old.admin left the institution"), former.message().en());
        assertTrue(former.message().en().contains("rotate"), former.message().en());
        assertTrue(former.message().fr().contains("retirez-lui l’accès à la page"), former.message().fr());
    }
}
