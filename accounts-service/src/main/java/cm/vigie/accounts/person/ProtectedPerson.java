package cm.vigie.accounts.person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** An official whose identity fake accounts abuse. Tenant-owned. */
@Entity
@Table(name = "protected_person")
public class ProtectedPerson {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Column(name = "full_name")
    public String fullName;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> aliases = new ArrayList<>();

    /** Titles in French and English, e.g. "Ministre de la Santé publique". */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> titles = new ArrayList<>();

    /** Normalised handles of the accounts the person really runs. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<PersonHandle> handles = new ArrayList<>();

    /** 64-bit perceptual hashes of reference photos, 16 lowercase hex digits each. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "photo_hashes")
    public List<String> photoHashes = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
