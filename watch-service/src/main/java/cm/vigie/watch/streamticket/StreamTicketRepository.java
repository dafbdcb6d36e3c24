package cm.vigie.watch.streamticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Ticket rows by hash; plain JDBC, since claims happen during authentication, outside any request's transaction. */
@ApplicationScoped
public class StreamTicketRepository {

    private final DataSource dataSource;

    StreamTicketRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new ticket, and drops the tickets that expired unused. */
    void insert(byte[] hash, StreamTicketHolder holder, Instant expiresAt) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement drop = c.prepareStatement("DELETE FROM alert_stream_ticket WHERE expires_at < now()")) {
                drop.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO alert_stream_ticket"
                    + " (hash, institution, username, roles, token_expires_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setBytes(1, hash);
                insert.setString(2, holder.institution());
                insert.setString(3, holder.username());
                insert.setString(4, String.join(",", holder.roles()));
                insert.setTimestamp(5, holder.tokenExpiresAt() == null ? null : Timestamp.from(holder.tokenExpiresAt()));
                insert.setTimestamp(6, Timestamp.from(expiresAt));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a stream ticket", e);
        }
    }

    /** The holder of an unexpired ticket, whose row is gone once answered: a second claim finds nothing. */
    Optional<StreamTicketHolder> claim(byte[] hash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement claim = c.prepareStatement("DELETE FROM alert_stream_ticket WHERE hash = ?"
                        + " RETURNING institution, username, roles, token_expires_at, expires_at > now() AS valid")) {
            claim.setBytes(1, hash);
            try (ResultSet row = claim.executeQuery()) {
                if (!row.next() || !row.getBoolean("valid")) {
                    return Optional.empty();
                }
                Timestamp tokenExpiry = row.getTimestamp("token_expires_at");
                return Optional.of(new StreamTicketHolder(row.getString("institution"), row.getString("username"),
                        java.util.Set.of(row.getString("roles").split(",")),
                        tokenExpiry == null ? null : tokenExpiry.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim a stream ticket", e);
        }
    }
}
