package cm.vigie.accounts.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final String TEMPLATE = "length(12) and upperCase(1) and lowerCase(1) and digits(1) and notUsername(undefined) "
            + "and notEmail(undefined) and passwordHistory(3)";

    @Test
    void theRealmTemplatesPolicyReadsAsTypedRules() {
        assertEquals(new PasswordRules(12, 1, 1, 1, 0, true, true, 3, 0), PasswordPolicy.fromKeycloak(TEMPLATE));
    }

    @Test
    void rulesBecomeAKeycloakPolicyWithoutTheRulesSetToZero() {
        assertEquals("length(14) and digits(2) and specialChars(1) and notUsername(undefined) and passwordHistory(5) "
                + "and forceExpiredPasswordChange(90)",
                PasswordPolicy.toKeycloak(new PasswordRules(14, 0, 0, 2, 1, true, false, 5, 90), TEMPLATE));
    }

    @Test
    void entriesVigieDoesNotManageAreKept() {
        String written = PasswordPolicy.toKeycloak(new PasswordRules(10, 0, 0, 0, 0, false, false, 0, 0),
                "hashIterations(210000) and length(12) and regexPattern(^[^ ]+$)");
        assertEquals("length(10) and hashIterations(210000) and regexPattern(^[^ ]+$)", written);
        assertEquals(10, PasswordPolicy.fromKeycloak(written).minLength());
    }

    @Test
    void noPolicyMeansNoRule() {
        assertEquals(new PasswordRules(0, 0, 0, 0, 0, false, false, 0, 0), PasswordPolicy.fromKeycloak(null));
        assertEquals(new PasswordRules(0, 0, 0, 0, 0, false, false, 0, 0), PasswordPolicy.fromKeycloak(" "));
    }

    @Test
    void writtenRulesReadBackTheSame() {
        PasswordRules rules = new PasswordRules(16, 2, 1, 3, 1, true, true, 24, 365);
        assertEquals(rules, PasswordPolicy.fromKeycloak(PasswordPolicy.toKeycloak(rules, null)));
    }
}
