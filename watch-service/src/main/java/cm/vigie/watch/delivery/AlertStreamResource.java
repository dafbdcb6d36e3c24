package cm.vigie.watch.delivery;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.commons.tenancy.Roles;
import cm.vigie.watch.alert.AlertView;
import cm.vigie.watch.alert.Severity;
import cm.vigie.watch.streamticket.StreamTicketIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

@Path("/api/watch/alerts/stream")
@Tag(name = "Alerts", description = "Alerts raised by watchlists, hoaxes, impersonating authors, spikes and reach")
public class AlertStreamResource {

    private final AlertStreams streams;
    private final CurrentInstitution institution;
    private final StreamSlots slots;
    private final SecurityIdentity identity;

    AlertStreamResource(AlertStreams streams, CurrentInstitution institution, StreamSlots slots, SecurityIdentity identity) {
        this.streams = streams;
        this.institution = institution;
        this.slots = slots;
        this.identity = identity;
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "streamWatchAlerts", summary = "Server-Sent Events of your institution's alerts as they are raised and change",
            description = "Each event has the id of the change, a name (ALERT_CREATED, ALERT_UPDATED, ALERT_ACKNOWLEDGED, ALERT_RESOLVED) and the alert as JSON data. "
                    + "On reconnect, send Last-Event-ID (browsers do) to receive what you missed first, up to 1,000 events. "
                    + "The stream ends when the token expires or the institution is suspended, after a last event STREAM_CLOSED (no id) whose data "
                    + "names the reason (TOKEN_EXPIRED, INSTITUTION_SUSPENDED): reconnect with a fresh token and Last-Event-ID to resume without loss. "
                    + "Roles: institution-admin, community-manager, analyst, approver, viewer. Changes nothing. "
                    + "A browser's EventSource, which cannot send a header, authenticates with ?ticket= instead (POST /api/watch/alerts/stream-tickets, "
                    + "single use): on reconnect it buys a new ticket and passes the last id seen as ?lastEventId=.")
    @APIResponse(responseCode = "200", description = "The stream: events ALERT_CREATED, ALERT_UPDATED, ALERT_ACKNOWLEDGED, ALERT_RESOLVED "
            + "(id: the change's number; data: the alert, schema Alert), and a last STREAM_CLOSED (no id; data: {\"reason\": \"TOKEN_EXPIRED\"|\"INSTITUTION_SUSPENDED\"})",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = AlertView.class),
            examples = @ExampleObject(name = "event", value = "id: 42\nevent: ALERT_CREATED\ndata: {\"id\":\"5c0f6f1e-8f7a-4a55-9b35-7d0c3c1e2a90\",\"ruleType\":\"KEYWORD\",\"severity\":\"HIGH\",\"status\":\"OPEN\",\"mentionCount\":1}\n\n")))
    @APIResponse(responseCode = "400", description = "Invalid severity or Last-Event-ID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or invalid token, or an unknown, used or expired ticket", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many streams open at once for you (quota alertStreamsPerUser) or your institution (quota alertStreams); the problem names the quota and its limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stream(@Context SseEventSink sink, @Context Sse sse,
            @Parameter(description = "Only alerts of at least this severity", example = "HIGH") @QueryParam("minSeverity") Severity minSeverity,
            @Parameter(description = "Id of the last event received; events after it are replayed") @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "Same as the Last-Event-ID header, for clients that cannot set headers") @QueryParam("lastEventId") String lastEventIdParam,
            @Parameter(description = "Instead of the Authorization header: a ticket from POST /api/watch/alerts/stream-tickets (single use; never logged)")
            @QueryParam("ticket") String ticket) {
        String slug = institution.slug().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "problem.forbidden.detail"));
        String last = lastEventId != null && !lastEventId.isBlank() ? lastEventId : lastEventIdParam;
        Long after = null;
        if (last != null && !last.isBlank()) {
            try {
                after = Long.parseLong(last.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("Last-Event-ID", "stream.last-event-id.invalid");
            }
        }
        Runnable release = slots.acquire(slug, identity.getPrincipal().getName());
        try {
            streams.open(slug, sink, sse, minSeverity == null ? Severity.LOW : minSeverity, after, tokenExpiry(), release);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /** When the caller's token expires: the stream ends then (null for a token without expiry). */
    private Instant tokenExpiry() {
        if (identity.getAttribute(StreamTicketIdentityProvider.TOKEN_EXPIRES_AT) instanceof Instant bought) {
            return bought;
        }
        return identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0
                ? Instant.ofEpochSecond(token.getExpirationTime()) : null;
    }
}
