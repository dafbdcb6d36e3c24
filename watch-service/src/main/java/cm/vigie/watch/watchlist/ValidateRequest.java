package cm.vigie.watch.watchlist;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ValidateQueryRequest", description = "A query to check")
public record ValidateRequest(@NotNull @Size(max = 4000) @Schema(examples = "vaccin* AND (danger OR mort)") String query) {
}
