package cm.vigie.watch.streamticket;

import java.time.Instant;
import java.util.Set;

/** Who bought a ticket: the stream it opens runs as them, in their institution, with their roles, until their token expires. */
public record StreamTicketHolder(String institution, String username, Set<String> roles, Instant tokenExpiresAt) {
}
