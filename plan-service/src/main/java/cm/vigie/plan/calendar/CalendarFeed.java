package cm.vigie.plan.calendar;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A secret subscription link to the institution's calendar, owned by one user. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    public String owner;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "channel_id")
    public UUID channelId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;
}
