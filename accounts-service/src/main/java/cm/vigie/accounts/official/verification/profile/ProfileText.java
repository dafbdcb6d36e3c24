package cm.vigie.accounts.official.verification.profile;

import java.util.List;
import java.util.Locale;

/** The public fields of a profile a challenge code may be put in (bio, about, description). */
public record ProfileText(String id, String name, List<String> fields) {

    public ProfileText {
        fields = fields == null ? List.of() : fields.stream().filter(f -> f != null && !f.isBlank()).toList();
    }

    /** Whether the code appears in one of the fields; case is ignored, as people retype codes. */
    public boolean contains(String code) {
        String wanted = code.toUpperCase(Locale.ROOT);
        return fields.stream().anyMatch(f -> f.toUpperCase(Locale.ROOT).contains(wanted));
    }
}
