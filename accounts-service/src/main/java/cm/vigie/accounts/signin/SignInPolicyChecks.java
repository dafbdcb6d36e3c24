package cm.vigie.accounts.signin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.tenancy.Roles;

/** A policy against the platform's bounds: one field error per value outside them (messages are bundle keys). */
final class SignInPolicyChecks {

    static final Set<String> INSTITUTION_ROLES = Set.of(Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST,
            Roles.APPROVER, Roles.VIEWER);

    private SignInPolicyChecks() {
    }

    static List<FieldError> check(SignInPolicyRequest request, SignInBounds bounds) {
        List<FieldError> errors = new ArrayList<>();
        PasswordRules p = request.password();
        within(errors, "password.minLength", p.minLength(), bounds.passwordMinLengthFloor(), bounds.passwordMinLengthCeiling());
        within(errors, "password.upperCase", p.upperCase(), 0, bounds.characterClassCeiling());
        within(errors, "password.lowerCase", p.lowerCase(), 0, bounds.characterClassCeiling());
        within(errors, "password.digits", p.digits(), 0, bounds.characterClassCeiling());
        within(errors, "password.specialChars", p.specialChars(), 0, bounds.characterClassCeiling());
        within(errors, "password.history", p.history(), 0, bounds.passwordHistoryCeiling());
        if (p.expireDays() != 0) {
            within(errors, "password.expireDays", p.expireDays(), bounds.passwordExpireDaysFloor(), bounds.passwordExpireDaysCeiling());
        }
        if (errors.stream().noneMatch(e -> e.field().startsWith("password."))
                && p.upperCase() + p.lowerCase() + p.digits() + p.specialChars() > p.minLength()) {
            errors.add(new FieldError("password.minLength", "sign-in.password.classes-exceed-length"));
        }
        SessionLifetimes s = request.sessions();
        within(errors, "sessions.idleMinutes", s.idleMinutes(), bounds.sessionIdleMinutesFloor(), bounds.sessionIdleMinutesCeiling());
        within(errors, "sessions.maxHours", s.maxHours(), bounds.sessionMaxHoursFloor(), bounds.sessionMaxHoursCeiling());
        if (errors.stream().noneMatch(e -> e.field().startsWith("sessions.")) && s.idleMinutes() > s.maxHours() * 60) {
            errors.add(new FieldError("sessions.idleMinutes", "sign-in.sessions.idle-exceeds-max"));
        }
        TwoFactorRule t = request.twoFactor();
        List<String> roles = t.roles() == null ? List.of() : t.roles();
        if (t.required() == TwoFactorScope.ROLES && roles.isEmpty()) {
            errors.add(new FieldError("twoFactor.roles", "sign-in.two-factor.roles-required"));
        }
        if (t.required() != TwoFactorScope.ROLES && !roles.isEmpty()) {
            errors.add(new FieldError("twoFactor.roles", "sign-in.two-factor.roles-only-with-roles"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < roles.size(); i++) {
            if (!INSTITUTION_ROLES.contains(roles.get(i))) {
                errors.add(new FieldError("twoFactor.roles[" + i + "]", "sign-in.two-factor.unknown-role"));
            } else if (!seen.add(roles.get(i))) {
                errors.add(new FieldError("twoFactor.roles[" + i + "]", "sign-in.two-factor.duplicate-role"));
            }
        }
        return errors;
    }

    private static void within(List<FieldError> errors, String field, int value, int floor, int ceiling) {
        if (value < floor || value > ceiling) {
            errors.add(new FieldError(field, "sign-in.out-of-bounds"));
        }
    }
}
