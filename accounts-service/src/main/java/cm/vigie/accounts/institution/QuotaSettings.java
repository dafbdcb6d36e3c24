package cm.vigie.accounts.institution;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The quotas an operator sets for an institution; a null or absent member means "the platform default". */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "QuotaSettings", description = "Quotas set for one institution; null or absent: the platform default applies")
public record QuotaSettings(
        @Min(0) @Max(MAX) @Schema(description = "Watchlists", examples = "300") Integer watchlists,
        @Min(0) @Max(MAX) @Schema(description = "Own hoaxes") Integer hoaxes,
        @Min(0) @Max(MAX) @Schema(description = "Collection sources") Integer sources,
        @Min(0) @Max(MAX) @Schema(description = "Webhooks") Integer webhooks,
        @Min(0) @Max(MAX) @Schema(description = "Protected persons") Integer protectedPersons,
        @Min(0) @Max(MAX) @Schema(description = "Alert streams open at once, whole institution (per replica)") Integer alertStreams,
        @Min(0) @Max(MAX) @Schema(description = "Alert streams open at once, one user (per replica)") Integer alertStreamsPerUser,
        @Min(0) @Max(MAX) @Schema(description = "Exercises running or paused at once") Integer runningExercises) {

    static final long MAX = 1_000_000;
    static final QuotaSettings NONE = new QuotaSettings(null, null, null, null, null, null, null, null);
}
