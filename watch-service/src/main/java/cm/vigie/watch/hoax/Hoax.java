package cm.vigie.watch.hoax;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A known hoax of the institution that registered it. Tenant-owned: only its owner edits it. */
@Entity
@Table(name = "hoax")
public class Hoax {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "hoax_claim", joinColumns = @JoinColumn(name = "hoax_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    public List<String> claims = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Verdict verdict;

    @Column(name = "debunk_url")
    public String debunkUrl;

    @Column(name = "first_seen")
    public Instant firstSeen;

    public String notes;

    /** The owner's wish to publish it to every institution; see {@link #published()}. */
    public boolean shared;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Set when the hoax belongs to an exercise (training data): never shared, deleted with the exercise. */
    @Column(name = "exercise_id")
    public UUID exerciseId;

    @Version
    public long version;

    /** Visible to every institution: shared by its owner and not withdrawn by an operator. */
    public boolean published() {
        return shared && withdrawnAt == null;
    }
}
