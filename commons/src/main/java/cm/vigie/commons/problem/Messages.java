package cm.vigie.commons.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Localized messages: English by default, French when the caller's {@code Accept-Language} prefers it.
 * A service's own {@code messages} bundle is searched first, then the shared {@code vigie-problems} bundle.
 */
public final class Messages {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<String> BUNDLES = List.of("messages", "cm.vigie.commons.problems");
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** French or English, whichever comes first among the acceptable languages; English otherwise. */
    public static Locale choose(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if (FRENCH.getLanguage().equals(locale.getLanguage())) {
                return FRENCH;
            }
            if (ENGLISH.getLanguage().equals(locale.getLanguage())) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }

    public static String get(Locale locale, String key, Object... args) {
        for (String bundleName : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(bundleName, locale, Messages.class.getClassLoader(), NO_FALLBACK);
                if (bundle.containsKey(key)) {
                    String pattern = bundle.getString(key);
                    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
                }
            } catch (MissingResourceException absent) {
                // this bundle does not exist in this module or language: try the next one
            }
        }
        return key;
    }
}
