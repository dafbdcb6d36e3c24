package cm.vigie.accounts.official.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** The current claim of ownership of one official account. Tenant-owned; operators read it across institutions. */
@Entity
@Table(name = "official_account_verification")
public class VerificationClaim {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Column(name = "account_id")
    public UUID accountId;

    @Enumerated(EnumType.STRING)
    public ClaimState state;

    /** Public by design once posted on the page; it proves control of the page, not of anything in Vigie. */
    public String code;

    @Column(name = "code_issued_at")
    public Instant codeIssuedAt;

    @Column(name = "code_expires_at")
    public Instant codeExpiresAt;

    @Column(name = "code_issued_by")
    public String codeIssuedBy;

    @Column(name = "evidence_url")
    public String evidenceUrl;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_outcome")
    public CheckOutcome checkOutcome;

    /** What the claim resembled when submitted; non-empty means only an operator may verify it. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Resembled> resembles = new ArrayList<>();

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Version
    public long version;
}
