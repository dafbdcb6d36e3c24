package cm.vigie.watch.source;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Source", description = "A place the institution collects mentions from, with its collection status")
public record SourceView(
        @Schema(examples = "5e0f4d9a-3c1b-4a7e-8f2d-6b9c0a1e2f3d") UUID id,
        @Schema(examples = "RSS") String type,
        @Schema(examples = "Journal du Cameroun") String name,
        @Schema(examples = "https://www.journalducameroun.com/feed/") String url,
        @Schema(examples = "104857392011") String account,
        @Schema(description = "Whether a secret is stored (it is never shown)", examples = "false") boolean secretSet,
        @Schema(description = "Whether a verify token is stored (it is never shown)", examples = "false") boolean verifyTokenSet,
        @Schema(description = "For push connectors: the path the platform must call (behind the public gateway address)", examples = "/api/watch/sources/5e0f4d9a-3c1b-4a7e-8f2d-6b9c0a1e2f3d/meta-webhook") String webhookPath,
        @Schema(examples = "15") int pollIntervalMinutes,
        @Schema(examples = "true") boolean active,
        SourceStatusView status,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant updatedAt) {

    static SourceView of(Source source, SourceStatusView status, String webhookPath) {
        return new SourceView(source.id, source.type, source.name, source.url, source.account,
                source.secret != null && !source.secret.isEmpty(), source.verifyToken != null && !source.verifyToken.isEmpty(),
                webhookPath, source.pollIntervalMinutes, source.active, status, source.createdAt, source.updatedAt);
    }
}
