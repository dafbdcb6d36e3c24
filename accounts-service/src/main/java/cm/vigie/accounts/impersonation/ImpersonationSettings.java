package cm.vigie.accounts.impersonation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An institution's own impersonation settings. Keyed by the institution itself (always the caller's, taken from
 * the verified token), so it carries no separate tenant column. No row means the configured defaults.
 */
@Entity
@Table(name = "impersonation_settings")
public class ImpersonationSettings {

    @Id
    @Column(name = "institution_id")
    public String institutionId;

    /** Score from which a scan opens or updates a suspect account. */
    public double threshold;

    @Column(name = "default_sla_days")
    public int defaultSlaDays;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
