package cm.vigie.plan.response;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cm.vigie.plan.workflow.ApprovalPolicy;
import cm.vigie.plan.workflow.ItemKind;
import cm.vigie.plan.workflow.Severity;
import cm.vigie.plan.workflow.WorkflowItem;

@Entity
@Table(name = "response_plan")
public class ResponsePlan extends WorkflowItem {

    public String title;

    @Column(name = "alert_id")
    public UUID alertId;

    @Column(name = "hoax_id")
    public UUID hoaxId;

    /** The alert's watchlist, from watch-service: what the outcome counts when there is no hoax. */
    @Column(name = "watchlist_id")
    public UUID watchlistId;

    /** Set for a plan drafted during a crisis exercise: it is scored by the debrief and deleted with the exercise. */
    @Column(name = "exercise_id")
    public UUID exerciseId;

    /** False when watch-service could not be asked at creation (the plan was accepted anyway: crises do not wait). */
    @Column(name = "source_verified")
    public boolean sourceVerified;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public Instant deadline;

    /** CRITICAL: one approval suffices, and it is escalated when not approved in time. */
    @Column(name = "fast_track")
    public boolean fastTrack;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content")
    public ResponsePlanContent plan;

    @JdbcTypeCode(SqlTypes.JSON)
    public Outcome outcome;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Override
    public ItemKind kind() {
        return ItemKind.RESPONSE_PLAN;
    }

    @Override
    public Object content() {
        return plan;
    }

    @Override
    public int approvalsNeeded(ApprovalPolicy policy) {
        return fastTrack ? 1 : policy.approvalsNeeded;
    }
}
