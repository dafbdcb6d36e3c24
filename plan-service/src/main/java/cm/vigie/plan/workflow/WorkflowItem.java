package cm.vigie.plan.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** What every approvable item carries: tenant, status, approvals of the current version, authorship, version. */
@MappedSuperclass
public abstract class WorkflowItem {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Enumerated(EnumType.STRING)
    public ItemStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Approval> approvals = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public Rejection rejection;

    @Column(name = "created_by")
    public String createdBy;

    /** Whoever last changed the content: like the creator, they may not approve this version. */
    @Column(name = "last_edited_by")
    public String lastEditedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public abstract ItemKind kind();

    /** The editable part, as audited and compared. */
    public abstract Object content();

    /** Approvals needed under this policy; response plans on the crisis fast track need one. */
    public int approvalsNeeded(ApprovalPolicy policy) {
        return policy.approvalsNeeded;
    }
}
