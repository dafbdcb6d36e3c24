package cm.vigie.accounts.official.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** How an official account is protected, as its institution declares it. Tenant-owned; one per account. */
@Entity
@Table(name = "official_account_security")
public class SecurityPosture {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Column(name = "two_factor_enabled")
    public boolean twoFactorEnabled;

    @Column(name = "recovery_email")
    public String recoveryEmail;

    @Column(name = "credentials_rotated_on")
    public LocalDate credentialsRotatedOn;

    /** People with admin rights on the page, on the platform itself. */
    @Column(name = "admin_count")
    public int adminCount;

    @Column(name = "backup_admin_present")
    public boolean backupAdminPresent;

    @Column(name = "last_review_on")
    public LocalDate lastReviewOn;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;
}
