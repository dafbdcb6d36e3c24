package cm.vigie.accounts.person;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProtectedPerson", description = "An official of the caller's institution whose identity is protected")
public record ProtectedPersonView(
        @Schema(examples = "5f0b6f1e-8a2c-4c63-9d0e-2f4b7c1a9e30") UUID id,
        @Schema(examples = "Malachie Manaouda") String fullName,
        @Schema(examples = "[\"Dr Manaouda\"]") List<String> aliases,
        @Schema(examples = "[\"Ministre de la Santé publique\", \"Minister of Public Health\"]") List<String> titles,
        List<PersonHandle> handles,
        @Schema(examples = "[\"e1c3c3c7870f0f1f\"]") List<String> photoHashes,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant updatedAt) {

    static ProtectedPersonView of(ProtectedPerson person) {
        return new ProtectedPersonView(person.id, person.fullName, List.copyOf(person.aliases), List.copyOf(person.titles),
                List.copyOf(person.handles), List.copyOf(person.photoHashes), person.createdAt, person.updatedAt);
    }
}
