package cm.vigie.accounts.official;

import java.util.Locale;

/** One spelling per handle, so that {@code @MinSante_CM} and {@code minsante_cm} are the same account. */
public final class Handles {

    private Handles() {
    }

    public static String normalise(String handle) {
        String trimmed = handle.strip();
        while (trimmed.startsWith("@")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
