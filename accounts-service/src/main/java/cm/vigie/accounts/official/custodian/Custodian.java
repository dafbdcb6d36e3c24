package cm.vigie.accounts.official.custodian;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** A member of the institution who holds an official account's keys. Tenant-owned. */
@Entity
@Table(name = "official_account_custodian")
public class Custodian {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Column(name = "account_id")
    public UUID accountId;

    /** User name in the institution's realm. */
    @Column(name = "user_name")
    public String userName;

    @Enumerated(EnumType.STRING)
    public CustodianRole role;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the custodian stopped being a member of the institution (disabled or removed); null while a member. */
    @Column(name = "former_member_since")
    public Instant formerMemberSince;

    /** {@code DISABLED} or {@code REMOVED}, with {@link #formerMemberSince}. */
    @Column(name = "former_member_reason")
    public String formerMemberReason;
}
