package cm.vigie.watch.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** Mentions grouped under one rule, subject and window. Created by ingestion (see {@link AlertWriter}). */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_type")
    public RuleType ruleType;

    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "watchlist_id")
    public UUID watchlistId;

    @Column(name = "hoax_id")
    public UUID hoaxId;

    @Column(name = "author_handle")
    public String authorHandle;

    public String platform;

    @Column(name = "window_start")
    public Instant windowStart;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public AlertStatus status;

    public String title;

    @Column(name = "mention_count")
    public int mentionCount;

    @Column(name = "first_mention_published_at")
    public Instant firstMentionPublishedAt;

    @Column(name = "first_mention_ingested_at")
    public Instant firstMentionIngestedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "exercise_id")
    public UUID exerciseId;

    @Version
    public long version;
}
