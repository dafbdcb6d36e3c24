package cm.vigie.accounts.person;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProtectedPersonRequest", description = "An official whose identity must be protected")
public record ProtectedPersonRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Malachie Manaouda") String fullName,
        @Size(max = 20) @Schema(description = "Other names the person goes by", examples = "[\"Dr Manaouda\"]")
        List<String> aliases,
        @Size(max = 20) @Schema(description = "Titles in French and English", examples = "[\"Ministre de la Santé publique\", \"Minister of Public Health\"]")
        List<String> titles,
        @Size(max = 50) @Schema(description = "The accounts the person really runs") List<@Valid PersonHandle> handles,
        @Size(max = 20) @Schema(description = "64-bit perceptual hashes of reference photos, as 16 hex digits; no URLs: the service never fetches one",
                examples = "[\"e1c3c3c7870f0f1f\"]")
        List<String> photoHashes) {

    static final java.util.regex.Pattern PHOTO_HASH = java.util.regex.Pattern.compile("(0x)?[0-9a-fA-F]{16}");

    /**
     * Checks list elements, which bean validation would name {@code aliases[0].<list element>}; answers the
     * problems with fields named as the client wrote them.
     */
    List<cm.vigie.commons.problem.FieldError> elementErrors() {
        List<cm.vigie.commons.problem.FieldError> errors = new java.util.ArrayList<>();
        texts(errors, "aliases", aliases, 200);
        texts(errors, "titles", titles, 300);
        if (handles != null) {
            for (int i = 0; i < handles.size(); i++) {
                if (handles.get(i) == null) {
                    errors.add(new cm.vigie.commons.problem.FieldError("handles[" + i + "]", "person.text.blank"));
                }
            }
        }
        if (photoHashes != null) {
            for (int i = 0; i < photoHashes.size(); i++) {
                String hash = photoHashes.get(i);
                if (hash == null || !PHOTO_HASH.matcher(hash.strip()).matches()) {
                    errors.add(new cm.vigie.commons.problem.FieldError("photoHashes[" + i + "]", "person.photo-hash.pattern"));
                }
            }
        }
        return errors;
    }

    private static void texts(List<cm.vigie.commons.problem.FieldError> errors, String field, List<String> values, int max) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                errors.add(new cm.vigie.commons.problem.FieldError(field + "[" + i + "]", "person.text.blank"));
            } else if (value.length() > max) {
                errors.add(new cm.vigie.commons.problem.FieldError(field + "[" + i + "]", "person.text.too-long"));
            }
        }
    }
}
