package cm.vigie.watch.mention;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the mention list; use as a {@code @BeanParam}. */
public class MentionFilter {

    @QueryParam("watchlistId")
    @Parameter(description = "Only mentions that matched this watchlist")
    public UUID watchlistId;

    @QueryParam("hoaxId")
    @Parameter(description = "Only mentions flagged as restating this hoax")
    public UUID hoaxId;

    @QueryParam("alertId")
    @Parameter(description = "Only the mentions grouped under this alert")
    public UUID alertId;

    @QueryParam("platform")
    @Parameter(description = "Only this platform", example = "FACEBOOK")
    public Platform platform;

    @QueryParam("author")
    @Size(max = 200)
    @Parameter(description = "Only this author handle (case and leading @ ignored)", example = "jean_237")
    public String author;

    @QueryParam("q")
    @Size(max = 500)
    @Parameter(description = "Full-text search (French, English and accent-free forms; web-search syntax: \"phrase\", or, -word)", example = "vaccin paludisme")
    public String q;

    @QueryParam("from")
    @Parameter(description = "Published at or after (ISO-8601)", example = "2026-11-01T00:00:00Z")
    public Instant from;

    @QueryParam("to")
    @Parameter(description = "Published before (ISO-8601)", example = "2026-12-01T00:00:00Z")
    public Instant to;

    @QueryParam("status")
    @Parameter(description = "Triage status", example = "NEW")
    public MentionStatus status;

    @QueryParam("assignee")
    @Size(max = 200)
    @Parameter(description = "Assigned to this user", example = "cm")
    public String assignee;

    @QueryParam("language")
    @Size(max = 8)
    @Parameter(description = "Language code", example = "fr")
    public String language;

    @QueryParam("exerciseId")
    @Parameter(description = "Only the mentions of this exercise (without it, real and exercise mentions are listed, each marked)")
    public UUID exerciseId;

    @QueryParam("flagged")
    @Parameter(description = "true: only mentions flagged as a known hoax; false: only unflagged ones")
    public Boolean flagged;

    @QueryParam("matched")
    @Parameter(description = "true: only mentions that matched at least one watchlist; false: none")
    public Boolean matched;
}
