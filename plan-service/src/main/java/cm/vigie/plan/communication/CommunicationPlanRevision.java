package cm.vigie.plan.communication;

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

import cm.vigie.plan.workflow.Approval;
import cm.vigie.plan.workflow.ItemStatus;

/** One revision of a plan as it was written and approved; the current one follows the plan until the next begins. */
@Entity
@Table(name = "communication_plan_revision")
public class CommunicationPlanRevision {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Column(name = "plan_id")
    public UUID planId;

    public int number;

    @JdbcTypeCode(SqlTypes.JSON)
    public CommunicationPlanContent content;

    @Enumerated(EnumType.STRING)
    public ItemStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Approval> approvals = new ArrayList<>();

    @Column(name = "edited_by")
    public String editedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
