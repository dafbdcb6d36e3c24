package cm.vigie.watch.hoax;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Hoax", description = "A known hoax of the caller's institution")
public record HoaxView(
        @Schema(examples = "0b6f2f6e-6d0c-4d5e-9f51-6a4b8f2d9c10") UUID id,
        @Schema(examples = "[\"Le vaccin contre la COVID-19 contient une puce 5G.\"]") List<String> claims,
        @Schema(examples = "FALSE") Verdict verdict,
        @Schema(examples = "https://www.minsante.cm/verifications/puce-5g") String debunkUrl,
        @Schema(examples = "2026-11-20T08:00:00Z") Instant firstSeen,
        @Schema(examples = "Relayé par des pages de Douala") String notes,
        @Schema(description = "The owner asked to publish it", examples = "true") boolean shared,
        @Schema(description = "Every institution sees it: shared and not withdrawn", examples = "true") boolean published,
        @Schema(description = "Set when a platform operator withdrew it from the shared registry") Withdrawal withdrawal,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant updatedAt,
        @Schema(description = "The exercise it belongs to; null for a real hoax", nullable = true) UUID exerciseId) {

    @Schema(name = "HoaxWithdrawal", description = "Why and by whom a shared hoax was withdrawn")
    public record Withdrawal(
            @Schema(examples = "2026-11-27T09:00:00Z") Instant at,
            @Schema(examples = "operator") String by,
            @Schema(examples = "Verdict contested by the fact-checking network") String reason) {

        static Withdrawal of(Instant at, String by, String reason) {
            return at == null ? null : new Withdrawal(at, by, reason);
        }
    }

    static HoaxView of(Hoax hoax) {
        return new HoaxView(hoax.id, List.copyOf(hoax.claims), hoax.verdict, hoax.debunkUrl, hoax.firstSeen, hoax.notes,
                hoax.shared, hoax.published(), Withdrawal.of(hoax.withdrawnAt, hoax.withdrawnBy, hoax.withdrawalReason),
                hoax.createdAt, hoax.updatedAt, hoax.exerciseId);
    }
}
