package cm.vigie.accounts.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.problem.FieldError;

class SignInPolicyChecksTest {

    private static final SignInBounds BOUNDS = new SignInBounds() {
        public int passwordMinLengthFloor() { return 8; }
        public int passwordMinLengthCeiling() { return 64; }
        public int characterClassCeiling() { return 8; }
        public int passwordHistoryCeiling() { return 24; }
        public int passwordExpireDaysFloor() { return 30; }
        public int passwordExpireDaysCeiling() { return 365; }
        public int sessionIdleMinutesFloor() { return 5; }
        public int sessionIdleMinutesCeiling() { return 720; }
        public int sessionMaxHoursFloor() { return 1; }
        public int sessionMaxHoursCeiling() { return 168; }
    };
    private static final PasswordRules PASSWORD = new PasswordRules(12, 1, 1, 1, 0, true, true, 3, 0);
    private static final SessionLifetimes SESSIONS = new SessionLifetimes(30, 10);

    private static List<String> fields(TwoFactorRule twoFactor, PasswordRules password, SessionLifetimes sessions) {
        return SignInPolicyChecks.check(new SignInPolicyRequest(twoFactor, password, sessions), BOUNDS).stream()
                .map(FieldError::field).toList();
    }

    @Test
    void aPolicyWithinTheBoundsPasses() {
        assertEquals(List.of(), fields(new TwoFactorRule(TwoFactorScope.ROLES, List.of("community-manager", "institution-admin")),
                PASSWORD, SESSIONS));
        assertEquals(List.of(), fields(new TwoFactorRule(TwoFactorScope.ALL, null), PASSWORD, SESSIONS));
    }

    @Test
    void everyValueOutsideTheBoundsIsNamed() {
        assertEquals(List.of("password.minLength", "password.digits", "password.history", "password.expireDays",
                "sessions.idleMinutes", "sessions.maxHours"),
                fields(new TwoFactorRule(TwoFactorScope.NONE, List.of()), new PasswordRules(6, 0, 0, 9, 0, false, false, 25, 7),
                        new SessionLifetimes(2, 200)));
    }

    @Test
    void inconsistentValuesAreRefused() {
        assertEquals(List.of("password.minLength"), fields(new TwoFactorRule(TwoFactorScope.NONE, null),
                new PasswordRules(8, 3, 3, 3, 0, false, false, 0, 0), SESSIONS));
        assertEquals(List.of("sessions.idleMinutes"), fields(new TwoFactorRule(TwoFactorScope.NONE, null), PASSWORD,
                new SessionLifetimes(120, 1)));
    }

    @Test
    void twoFactorRolesMustBeInstitutionRolesAndOnlyWithRoles() {
        assertEquals(List.of("twoFactor.roles"), fields(new TwoFactorRule(TwoFactorScope.ROLES, List.of()), PASSWORD, SESSIONS));
        assertEquals(List.of("twoFactor.roles"), fields(new TwoFactorRule(TwoFactorScope.ALL, List.of("viewer")), PASSWORD, SESSIONS));
        assertEquals(List.of("twoFactor.roles[1]", "twoFactor.roles[2]"), fields(new TwoFactorRule(TwoFactorScope.ROLES,
                List.of("viewer", "platform-admin", "viewer")), PASSWORD, SESSIONS));
    }
}
