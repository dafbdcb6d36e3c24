package cm.vigie.accounts.keycloak;

import java.security.SecureRandom;

/**
 * One-time passwords for first admins and invited members: 16 letters and digits from an alphabet without look-alikes (no 0/O, 1/l/I), in
 * groups of four, always with an upper-case letter, a lower-case letter and a digit, so that they pass the realm
 * template's password policy.
 */
public final class TemporaryPasswords {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String ALL = UPPER + LOWER + DIGITS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    public static String generate() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (i > 0 && i % 4 == 0) {
                    password.append('-');
                }
                password.append(ALL.charAt(RANDOM.nextInt(ALL.length())));
            }
            String candidate = password.toString();
            if (candidate.chars().anyMatch(c -> UPPER.indexOf(c) >= 0) && candidate.chars().anyMatch(c -> LOWER.indexOf(c) >= 0)
                    && candidate.chars().anyMatch(c -> DIGITS.indexOf(c) >= 0)) {
                return candidate;
            }
        }
    }
}
