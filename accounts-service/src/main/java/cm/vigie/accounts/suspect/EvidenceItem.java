package cm.vigie.accounts.suspect;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One capture of a suspect account, kept for the complaint. Append-only. */
@Entity
@Table(name = "suspect_evidence")
public class EvidenceItem {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Column(name = "suspect_id")
    public UUID suspectId;

    public String url;

    /** SHA-256 of the capture file, 64 lowercase hex digits. */
    public String sha256;

    public String note;

    @Column(name = "captured_at")
    public Instant capturedAt;

    @Column(name = "captured_by")
    public String capturedBy;

    @Column(name = "added_at")
    public Instant addedAt;
}
