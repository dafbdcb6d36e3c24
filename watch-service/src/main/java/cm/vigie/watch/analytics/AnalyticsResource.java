package cm.vigie.watch.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

@Path("/api/watch/analytics")
@Tag(name = "Analytics", description = "Aggregates of mentions for charts; ranges default to the last 30 days, buckets to local days in Africa/Douala")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
@APIResponse(responseCode = "400", description = "Invalid range, interval or time zone", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AnalyticsResource {

    private final AnalyticsService service;
    private final KpiAnalyticsService kpis;

    AnalyticsResource(AnalyticsService service, KpiAnalyticsService kpis) {
        this.service = service;
        this.kpis = kpis;
    }

    @GET
    @Path("/sentiment")
    @Operation(operationId = "watchSentimentSeries", summary = "Scored mentions by tone (positive, neutral, negative) per hour or day, with totals and the negative share",
            description = "Counts scored mentions by tone (positive, neutral, negative) per hour or local day of a range, with totals and the negative share, for all or one watchlist. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One bucket per hour or local day of the range, empty buckets 0", content = @Content(schema = @Schema(implementation = KpiViews.SentimentResponse.class),
            examples = @ExampleObject(name = "day", value = """
                    {"series": [{"bucket": "2026-11-01T00:00:00+01:00", "positive": 3, "neutral": 10, "negative": 7}],
                     "totals": {"positive": 3, "neutral": 10, "negative": 7, "negativeShare": 0.35}}""")))
    @APIResponse(responseCode = "404", description = "The watchlist is not one of your institution's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KpiViews.SentimentResponse sentiment(
            @Parameter(description = "Only mentions matched by this watchlist; all mentions when absent") @QueryParam("watchlistId") UUID watchlistId,
            @Parameter(description = "Start (ISO-8601); default 30 days before to", example = "2026-11-01T00:00:00Z") @QueryParam("from") Instant from,
            @Parameter(description = "End, exclusive; default now", example = "2026-12-01T00:00:00Z") @QueryParam("to") Instant to,
            @Parameter(description = "HOUR or DAY (default)", example = "DAY", schema = @Schema(enumeration = { "HOUR", "DAY" })) @QueryParam("interval") String interval,
            @Parameter(description = "IANA time zone of the buckets (default Africa/Douala)", example = "Africa/Douala") @QueryParam("tz") String tz,
            @Parameter(description = "Same as tz, the name the other analytics use") @QueryParam("timeZone") String timeZone,
            @Parameter(description = "Only this exercise's data; without it exercise data never counts") @QueryParam("exerciseId") UUID exerciseId) {
        return kpis.sentiment(watchlistId, AnalyticsRange.of(from, to, Interval.parse(interval), tz != null ? tz : timeZone), exerciseId);
    }

    @GET
    @Path("/alerts-sla")
    @Operation(operationId = "watchAlertsSla", summary = "Alerts created in the range and the share resolved within their severity's SLA",
            description = "Counts the alerts created in a range and the share resolved within their severity's SLA, per severity. Changes nothing.")
    @APIResponse(responseCode = "200", description = "Totals and one entry per severity; SLA minutes come from configuration (vigie.watch.analytics.sla.*)", content = @Content(schema = @Schema(implementation = KpiViews.AlertSlaResponse.class),
            examples = @ExampleObject(name = "month", value = """
                    {"total": 12, "resolvedInSla": 9, "share": 0.75, "bySeverity": [{"severity": "HIGH", "slaMinutes": 60, "total": 4, "resolvedInSla": 3, "share": 0.75}]}""")))
    @APIResponse(responseCode = "404", description = "The watchlist is not one of your institution's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KpiViews.AlertSlaResponse alertsSla(
            @Parameter(description = "Start of the creation range (ISO-8601); default 30 days before to", example = "2026-11-01T00:00:00Z") @QueryParam("from") Instant from,
            @Parameter(description = "End, exclusive; default now", example = "2026-12-01T00:00:00Z") @QueryParam("to") Instant to,
            @Parameter(description = "Only alerts of this watchlist") @QueryParam("watchlistId") UUID watchlistId,
            @Parameter(description = "Only this exercise's data; without it exercise data never counts") @QueryParam("exerciseId") UUID exerciseId) {
        return kpis.alertsSla(watchlistId, AnalyticsRange.of(from, to, null, null), exerciseId);
    }

    @GET
    @Path("/volume")
    @Operation(operationId = "watchVolumeSeries", summary = "Mentions per hour or day of each watchlist (all of them unless some are named)",
            description = "Counts mentions per hour or local day of a range for each watchlist (all of them unless some are named). Changes nothing.")
    @APIResponse(responseCode = "200", description = "One series per watchlist", content = @Content(schema = @Schema(implementation = AnalyticsViews.SeriesResponse.class)))
    @APIResponse(responseCode = "404", description = "A named watchlist is not one of your institution's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnalyticsViews.SeriesResponse volume(
            @Parameter(description = "Watchlists to chart (repeatable)") @QueryParam("watchlistId") List<UUID> watchlistIds,
            @Parameter(description = "Start (ISO-8601); default 30 days before to", example = "2026-11-01T00:00:00Z") @QueryParam("from") Instant from,
            @Parameter(description = "End, exclusive; default now", example = "2026-12-01T00:00:00Z") @QueryParam("to") Instant to,
            @Parameter(description = "HOUR or DAY (default)", example = "DAY") @QueryParam("interval") Interval interval,
            @Parameter(description = "IANA time zone of the buckets", example = "Africa/Douala") @QueryParam("timeZone") String timeZone,
            @Parameter(description = "Only this exercise's data; without it exercise data never counts") @QueryParam("exerciseId") UUID exerciseId) {
        return service.volume(watchlistIds == null ? List.of() : watchlistIds, AnalyticsRange.of(from, to, interval, timeZone), exerciseId);
    }

    @GET
    @Path("/hoaxes")
    @Operation(operationId = "watchHoaxSeries", summary = "Mentions flagged for each known hoax over time",
            description = "Counts mentions flagged as restating each known hoax, per hour or day of a range. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One series per hoax seen in the range", content = @Content(schema = @Schema(implementation = AnalyticsViews.SeriesResponse.class)))
    public AnalyticsViews.SeriesResponse hoaxes(
            @Parameter(description = "Only this hoax") @QueryParam("hoaxId") UUID hoaxId,
            @Parameter(description = "Start (ISO-8601)") @QueryParam("from") Instant from,
            @Parameter(description = "End, exclusive") @QueryParam("to") Instant to,
            @Parameter(description = "HOUR or DAY") @QueryParam("interval") Interval interval,
            @Parameter(description = "IANA time zone", example = "Africa/Douala") @QueryParam("timeZone") String timeZone,
            @Parameter(description = "Only this exercise's data; without it exercise data never counts") @QueryParam("exerciseId") UUID exerciseId) {
        return service.hoaxes(hoaxId, AnalyticsRange.of(from, to, interval, timeZone), exerciseId);
    }

    @GET
    @Path("/platforms")
    @Operation(operationId = "watchPlatformBreakdown", summary = "Mentions per platform",
            description = "Counts the mentions of a range per platform, most first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "Platforms, most mentions first", content = @Content(schema = @Schema(implementation = AnalyticsViews.CountResponse.class)))
    public AnalyticsViews.CountResponse platforms(@Parameter(description = "Only mentions of this watchlist") @QueryParam("watchlistId") UUID watchlistId,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @Parameter(description = "Only this exercise's data; without it exercise data never counts") @QueryParam("exerciseId") UUID exerciseId) {
        return service.platforms(watchlistId, AnalyticsRange.of(from, to, null, null), exerciseId);
    }

    @GET
    @Path("/top-authors")
    @Operation(operationId = "watchTopAuthors", summary = "Authors with the most mentions, with their engagement",
            description = "Lists the authors with the most mentions in a range, with their engagement. Changes nothing.")
    @APIResponse(responseCode = "200", description = "Top authors", content = @Content(schema = @Schema(implementation = AnalyticsViews.AuthorsResponse.class)))
    public AnalyticsViews.AuthorsResponse authors(@QueryParam("watchlistId") UUID watchlistId, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to,
            @Parameter(description = "How many, at most 100", example = "10") @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit,
            @Parameter(description = "Only this exercise's data; without it exercise data never counts") @QueryParam("exerciseId") UUID exerciseId) {
        return service.authors(watchlistId, AnalyticsRange.of(from, to, null, null), limit, exerciseId);
    }

    @GET
    @Path("/top-hashtags")
    @Operation(operationId = "watchTopHashtags", summary = "Most used hashtags (folded: case and accents ignored)",
            description = "Lists the most used hashtags of a range (case and accents folded). Changes nothing.")
    @APIResponse(responseCode = "200", description = "Top hashtags", content = @Content(schema = @Schema(implementation = AnalyticsViews.CountResponse.class)))
    public AnalyticsViews.CountResponse hashtags(@QueryParam("watchlistId") UUID watchlistId, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to, @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Only this exercise's data; without it exercise data never counts") @QueryParam("exerciseId") UUID exerciseId) {
        return service.hashtags(watchlistId, AnalyticsRange.of(from, to, null, null), limit, exerciseId);
    }

    @GET
    @Path("/top-terms")
    @Operation(operationId = "watchTopTerms", summary = "Most frequent words (4 letters or more, common words left out) of recent mentions",
            description = "Lists the most frequent words (4 letters or more, common words left out) of recent mentions. Changes nothing.")
    @APIResponse(responseCode = "200", description = "Top terms", content = @Content(schema = @Schema(implementation = AnalyticsViews.CountResponse.class)))
    public AnalyticsViews.CountResponse terms(@QueryParam("watchlistId") UUID watchlistId, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to, @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Only this exercise's data; without it exercise data never counts") @QueryParam("exerciseId") UUID exerciseId) {
        return service.terms(watchlistId, AnalyticsRange.of(from, to, null, null), limit, exerciseId);
    }

    @GET
    @Path("/share-of-voice")
    @Operation(operationId = "watchShareOfVoice", summary = "Each watchlist's share of all watchlist matches in the range",
            description = "Gives each watchlist's share of all watchlist matches in a range, largest first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "Shares, largest first", content = @Content(schema = @Schema(implementation = AnalyticsViews.ShareResponse.class)))
    @APIResponse(responseCode = "404", description = "A named watchlist is not one of your institution's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnalyticsViews.ShareResponse shareOfVoice(@QueryParam("watchlistId") List<UUID> watchlistIds,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @Parameter(description = "Only this exercise's data; without it exercise data never counts") @QueryParam("exerciseId") UUID exerciseId) {
        return service.shareOfVoice(watchlistIds == null ? List.of() : watchlistIds, AnalyticsRange.of(from, to, null, null), exerciseId);
    }
}
