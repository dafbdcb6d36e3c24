package cm.vigie.accounts.suspect;

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

import cm.vigie.accounts.official.Platform;

/** An account suspected of impersonation and the case to take it down. One per (institution, platform, handle). */
@Entity
@Table(name = "suspect_account")
public class SuspectAccount {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Enumerated(EnumType.STRING)
    public Platform platform;

    /** Normalised like official handles. */
    public String handle;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "profile_url")
    public String profileUrl;

    /** The protected person it imitates, when known. */
    @Column(name = "person_id")
    public UUID personId;

    /** The official account it imitates, when known. */
    @Column(name = "official_account_id")
    public UUID officialAccountId;

    /** Last impersonation score (0..1) and verdict, when scored. */
    public Double score;

    public String verdict;

    @Enumerated(EnumType.STRING)
    public SuspectStatus status;

    @Column(name = "report_reference")
    public String reportReference;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "sla_days")
    public int slaDays;

    /** reportedAt + slaDays: past it, a REPORTED case is overdue. */
    @Column(name = "due_at")
    public Instant dueAt;

    public String outcome;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "last_scored_at")
    public Instant lastScoredAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public boolean overdue(Instant now) {
        return status == SuspectStatus.REPORTED && dueAt != null && dueAt.isBefore(now);
    }
}
