package cm.vigie.watch.mention;

import java.util.Locale;
import java.util.Optional;

/** Where a mention was published. */
public enum Platform {
    FACEBOOK, X, TIKTOK, YOUTUBE, INSTAGRAM, LINKEDIN, TELEGRAM, WHATSAPP, WEB, RSS, OTHER;

    public static Optional<Platform> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
