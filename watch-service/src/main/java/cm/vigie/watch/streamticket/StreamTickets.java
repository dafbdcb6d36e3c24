package cm.vigie.watch.streamticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/** Issues and claims stream tickets: 256 random bits, stored as their SHA-256, usable once before their expiry. */
@ApplicationScoped
public class StreamTickets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StreamTicketRepository repository;
    private final StreamTicketSettings settings;
    private final Clock clock = Clock.systemUTC();

    StreamTickets(StreamTicketRepository repository, StreamTicketSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    public StreamTicketView issue(String institution, String username, Set<String> roles, Instant tokenExpiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = clock.instant().plus(settings.ttl());
        if (tokenExpiresAt != null && tokenExpiresAt.isBefore(expiresAt)) {
            expiresAt = tokenExpiresAt;
        }
        repository.insert(hash(ticket), new StreamTicketHolder(institution, username, roles, tokenExpiresAt), expiresAt);
        return new StreamTicketView(ticket, expiresAt);
    }

    /** Blocking: the ticket's holder, once; empty for an unknown, used or expired ticket. */
    public Optional<StreamTicketHolder> claim(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 128) {
            return Optional.empty();
        }
        return repository.claim(hash(ticket));
    }

    static byte[] hash(String ticket) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
