package cm.vigie.watch.streamticket;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tickets that open the alert stream without a header (vigie.watch.stream.tickets.*, ADR 0036). */
@ConfigMapping(prefix = "vigie.watch.stream.tickets")
public interface StreamTicketSettings {

    /** How long a ticket can be used after it was issued (once). */
    @WithDefault("PT30S")
    Duration ttl();
}
