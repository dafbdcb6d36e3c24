package cm.vigie.accounts.signin;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What the realm cannot hold of an institution's sign-in policy: for whom two-factor is required. The password rules
 * and session lifetimes are read from and written to the realm itself. Keyed by the institution's slug, one row each;
 * not tenant-filtered because the key is the tenant.
 */
@Entity
@Table(name = "sign_in_policy")
public class SignInPolicy {

    @Id
    @Column(name = "institution_id")
    public String institutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "two_factor")
    public TwoFactorScope twoFactor;

    /** Comma-separated institution roles, with {@link TwoFactorScope#ROLES}. */
    @Column(name = "two_factor_roles")
    public String twoFactorRoles;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public Long version;

    public java.util.List<String> roles() {
        return twoFactorRoles == null || twoFactorRoles.isBlank() ? java.util.List.of()
                : java.util.List.of(twoFactorRoles.split(","));
    }
}
