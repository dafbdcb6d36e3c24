package cm.vigie.watch.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SourceRequest", description = "A place to collect mentions from. RSS: url. META_PAGE: account (page id), verifyToken, secret (app secret).")
public record SourceRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "{vigie.source.type.pattern}")
        @Schema(description = "A connector type: RSS (RSS or Atom feed) or META_PAGE (Facebook Page webhook)", examples = "RSS") String type,
        @NotBlank @Size(max = 200) @Schema(examples = "Journal du Cameroun") String name,
        @Size(max = 2000) @Schema(description = "Feed URL (RSS)", examples = "https://www.journalducameroun.com/feed/") String url,
        @Size(max = 200) @Schema(description = "Account on the platform: the Facebook page id (META_PAGE)", examples = "104857392011") String account,
        @Size(max = 500) @Schema(description = "App secret (META_PAGE) that signs webhook events; write-only, omit on update to keep it", examples = "9f2c1d8e7b6a5f4e3d2c1b0a9f8e7d6c") String secret,
        @Size(max = 200) @Schema(description = "Token Meta echoes in the webhook handshake (META_PAGE); write-only, omit on update to keep it", examples = "vigie-minsante-2026") String verifyToken,
        @Min(5) @Max(1440) @Schema(description = "Minutes between polls (polled types), 15 when absent", examples = "15") Integer pollIntervalMinutes,
        @Schema(description = "Collect from it; true when absent", examples = "true") Boolean active) {
}
