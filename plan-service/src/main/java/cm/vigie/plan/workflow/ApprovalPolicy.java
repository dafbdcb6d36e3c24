package cm.vigie.plan.workflow;

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

/** An institution's approval rules and response deadlines; absent, the defaults of {@link PolicySettings} apply. */
@Entity
@Table(name = "approval_policy")
public class ApprovalPolicy {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Column(name = "approvals_needed")
    public int approvalsNeeded;

    @Column(name = "approver_roles")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> approverRoles = new ArrayList<>();

    @Column(name = "deadline_critical_hours")
    public int deadlineCriticalHours;

    @Column(name = "deadline_high_hours")
    public int deadlineHighHours;

    @Column(name = "deadline_medium_hours")
    public int deadlineMediumHours;

    @Column(name = "deadline_low_hours")
    public int deadlineLowHours;

    @Column(name = "escalation_minutes")
    public int escalationMinutes;

    @Column(name = "publication_gap_minutes")
    public int publicationGapMinutes;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
