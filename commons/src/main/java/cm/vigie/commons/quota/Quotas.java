package cm.vigie.commons.quota;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The limits that apply to one institution, one per {@link Quota}. */
@Schema(name = "Quotas", description = "Limits of one institution: counts of what it holds, and what it may run at once")
public record Quotas(
        @Schema(description = "Watchlists, exercise ones included", examples = "200") int watchlists,
        @Schema(description = "Own hoaxes (shared ones of other institutions do not count), exercise ones included", examples = "2000") int hoaxes,
        @Schema(description = "Collection sources", examples = "200") int sources,
        @Schema(description = "Webhooks", examples = "20") int webhooks,
        @Schema(description = "Protected persons, exercise ones included", examples = "500") int protectedPersons,
        @Schema(description = "Alert streams open at once for the whole institution, per service replica", examples = "50") int alertStreams,
        @Schema(description = "Alert streams open at once for one user, per service replica", examples = "5") int alertStreamsPerUser,
        @Schema(description = "Exercises running or paused at once", examples = "3") int runningExercises) {

    public int limit(Quota quota) {
        return switch (quota) {
            case WATCHLISTS -> watchlists;
            case HOAXES -> hoaxes;
            case SOURCES -> sources;
            case WEBHOOKS -> webhooks;
            case PROTECTED_PERSONS -> protectedPersons;
            case ALERT_STREAMS -> alertStreams;
            case ALERT_STREAMS_PER_USER -> alertStreamsPerUser;
            case RUNNING_EXERCISES -> runningExercises;
        };
    }
}
