package cm.vigie.accounts.institution;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cm.vigie.commons.tenancy.InstitutionStatus;

/** A tenant of the platform; its slug is the name of its Keycloak realm. */
@Entity
@Table(name = "institution")
public class Institution {

    @Id
    public UUID id;

    public String slug;

    @Column(name = "name_fr")
    public String nameFr;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public InstitutionType type;

    @Enumerated(EnumType.STRING)
    public InstitutionStatus status;

    /** Domain of the institution's e-mail addresses ({@code minsante.cm}); null when not given. */
    @Column(name = "email_domain")
    public String emailDomain;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Limits an operator set; null (or every member null) where the configured defaults apply. */
    @Embedded
    public QuotaOverrides quotas;

    @Version
    public long version;
}
