package cm.vigie.plan.communication;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cm.vigie.plan.workflow.ItemKind;
import cm.vigie.plan.workflow.WorkflowItem;

@Entity
@Table(name = "communication_plan")
public class CommunicationPlan extends WorkflowItem {

    public String title;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    /** The number of the current revision; editing an approved plan starts the next one. */
    public int revision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content")
    public CommunicationPlanContent plan;

    @Override
    public ItemKind kind() {
        return ItemKind.COMMUNICATION_PLAN;
    }

    @Override
    public Object content() {
        return plan;
    }
}
