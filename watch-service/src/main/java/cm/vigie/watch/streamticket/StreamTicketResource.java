package cm.vigie.watch.streamticket;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.commons.tenancy.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

@Path("/api/watch/alerts/stream-tickets")
@Tag(name = "Alerts", description = "Alerts raised by watchlists, hoaxes, impersonating authors, spikes and reach")
public class StreamTicketResource {

    private final StreamTickets tickets;
    private final CurrentInstitution institution;
    private final SecurityIdentity identity;

    StreamTicketResource(StreamTickets tickets, CurrentInstitution institution, SecurityIdentity identity) {
        this.tickets = tickets;
        this.institution = institution;
        this.identity = identity;
    }

    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "createWatchAlertStreamTicket", summary = "A single-use ticket that opens the alert stream without a header",
            description = "Issues a ticket for new EventSource('/api/watch/alerts/stream?ticket=...'), which cannot send an Authorization header. "
                    + "Roles: institution-admin, community-manager, analyst, approver, viewer (the stream's). "
                    + "The ticket opens one stream, within vigie.watch.stream.tickets.ttl (30 s by default, never after the token's expiry), "
                    + "as the caller, in the caller's institution, with the caller's roles; that stream ends when the token would have expired. "
                    + "Changes: stores the ticket's hash until it is used or expires; nothing else. "
                    + "To reconnect, a browser closes the EventSource, buys a new ticket and opens ?ticket=...&lastEventId=<last id seen>.")
    @APIResponse(responseCode = "201", description = "The ticket", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StreamTicketView.class)))
    @APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create() {
        String slug = institution.slug().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "problem.forbidden.detail"));
        Instant tokenExpiry = identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0
                ? Instant.ofEpochSecond(token.getExpirationTime()) : null;
        return Response.status(Response.Status.CREATED)
                .entity(tickets.issue(slug, identity.getPrincipal().getName(), identity.getRoles(), tokenExpiry)).build();
    }
}
