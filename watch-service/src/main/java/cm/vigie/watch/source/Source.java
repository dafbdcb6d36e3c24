package cm.vigie.watch.source;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A place an institution collects mentions from. Tenant-owned; its collection status lives in {@code source_status}. */
@Entity
@Table(name = "source")
public class Source {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    /** A {@link Connector#type()}. */
    public String type;

    public String name;
    public String url;
    public String account;

    @Column(name = "verify_token")
    public String verifyToken;

    public String secret;

    @Column(name = "poll_interval_minutes")
    public int pollIntervalMinutes;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    SourceSettings settings() {
        return new SourceSettings(id, institutionId, type, name, url, account, secret, verifyToken);
    }
}
