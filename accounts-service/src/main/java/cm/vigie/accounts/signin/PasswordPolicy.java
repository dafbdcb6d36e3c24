package cm.vigie.accounts.signin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed password rules to and from a Keycloak password policy string ({@code length(12) and digits(1) and ...}).
 * Entries Vigie does not manage (say {@code hashIterations(...)} set by the platform's operators) are kept as they
 * are when the rules are written back.
 */
public final class PasswordPolicy {

    private static final Pattern ENTRY = Pattern.compile("\\s*([A-Za-z]+)\\s*(?:\\((.*)\\))?\\s*");
    static final Set<String> MANAGED = Set.of("length", "upperCase", "lowerCase", "digits", "specialChars",
            "notUsername", "notEmail", "passwordHistory", "forceExpiredPasswordChange");

    private PasswordPolicy() {
    }

    /** The realm's policy string for these rules, keeping the unmanaged entries of {@code current}. */
    public static String toKeycloak(PasswordRules rules, String current) {
        List<String> entries = new ArrayList<>();
        entries.add("length(" + rules.minLength() + ")");
        count(entries, "upperCase", rules.upperCase());
        count(entries, "lowerCase", rules.lowerCase());
        count(entries, "digits", rules.digits());
        count(entries, "specialChars", rules.specialChars());
        if (Boolean.TRUE.equals(rules.notUsername())) {
            entries.add("notUsername(undefined)");
        }
        if (Boolean.TRUE.equals(rules.notEmail())) {
            entries.add("notEmail(undefined)");
        }
        count(entries, "passwordHistory", rules.history());
        count(entries, "forceExpiredPasswordChange", rules.expireDays());
        parse(current).forEach((name, value) -> {
            if (!MANAGED.contains(name)) {
                entries.add(value == null ? name : name + "(" + value + ")");
            }
        });
        return String.join(" and ", entries);
    }

    /** The rules a realm's policy string enforces; a rule it does not state is 0 or false. */
    public static PasswordRules fromKeycloak(String policy) {
        Map<String, String> entries = parse(policy);
        return new PasswordRules(number(entries, "length", 0), number(entries, "upperCase", 0),
                number(entries, "lowerCase", 0), number(entries, "digits", 0), number(entries, "specialChars", 0),
                entries.containsKey("notUsername"), entries.containsKey("notEmail"),
                number(entries, "passwordHistory", 0), number(entries, "forceExpiredPasswordChange", 0));
    }

    static Map<String, String> parse(String policy) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (policy == null || policy.isBlank()) {
            return entries;
        }
        for (String part : policy.split("\\s+and\\s+")) {
            Matcher m = ENTRY.matcher(part);
            if (m.matches()) {
                entries.put(m.group(1), m.group(2));
            }
        }
        return entries;
    }

    private static void count(List<String> entries, String name, Integer value) {
        if (value != null && value > 0) {
            entries.add(name + "(" + value + ")");
        }
    }

    private static int number(Map<String, String> entries, String name, int absent) {
        String value = entries.get(name);
        if (value == null) {
            // "length" without a value means Keycloak's default of 8
            return entries.containsKey(name) && name.equals("length") ? 8 : entries.containsKey(name) ? 1 : absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}
