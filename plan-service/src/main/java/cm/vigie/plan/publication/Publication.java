package cm.vigie.plan.publication;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cm.vigie.plan.workflow.ItemKind;
import cm.vigie.plan.workflow.WorkflowItem;

@Entity
@Table(name = "publication")
public class Publication extends WorkflowItem {

    @Column(name = "channel_id")
    public UUID channelId;

    @Column(name = "planned_at")
    public Instant plannedAt;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "published_url")
    public String publishedUrl;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content")
    public PublicationRequest publication;

    @Override
    public ItemKind kind() {
        return ItemKind.PUBLICATION;
    }

    @Override
    public Object content() {
        return publication;
    }
}
