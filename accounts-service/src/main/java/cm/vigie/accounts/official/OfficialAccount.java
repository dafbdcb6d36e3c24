package cm.vigie.accounts.official;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** An account an institution publishes from. Tenant-owned: only its institution ever sees it. */
@Entity
@Table(name = "official_account")
public class OfficialAccount {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Enumerated(EnumType.STRING)
    public Platform platform;

    /** Normalised: see {@link Handles}. */
    public String handle;

    @Column(name = "display_name")
    public String displayName;

    public String url;

    @Enumerated(EnumType.STRING)
    public AccountStatus status;

    /** Why the status last changed. */
    @Column(name = "status_reason")
    public String statusReason;

    /** Ownership proof; only VERIFIED accounts are vouched for publicly. */
    @Enumerated(EnumType.STRING)
    public Verification verification;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
