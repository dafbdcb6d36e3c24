package cm.vigie.watch.streamticket;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AlertStreamTicket", description = "Opens the alert stream once, without a header: GET /api/watch/alerts/stream?ticket=...")
public record StreamTicketView(
        @Schema(description = "Single-use secret; put it in the stream URL's ticket parameter before expiresAt", required = true) String ticket,
        @Schema(description = "After this instant the ticket no longer opens the stream", required = true) Instant expiresAt) {
}
