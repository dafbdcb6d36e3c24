package cm.vigie.plan.exercise;

import java.time.Duration;
import java.time.Instant;
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

import cm.vigie.plan.countermeasure.Decision;

@Entity
@Table(name = "exercise")
public class Exercise {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    @Column(name = "scenario_id")
    public String scenarioId;

    public int speed;

    @Enumerated(EnumType.STRING)
    public ExerciseStatus status;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "started_at")
    public Instant startedAt;

    /** Scenario time reached at {@link #clockAt}. */
    @Column(name = "clock_ms")
    public long clockMs;

    @Column(name = "clock_at")
    public Instant clockAt;

    @Column(name = "next_post")
    public int nextPost;

    @Column(name = "pending_to")
    public Integer pendingTo;

    @Column(name = "pending_clock_ms")
    public Long pendingClockMs;

    @Column(name = "pending_clock_at")
    public Instant pendingClockAt;

    @Column(name = "posts_total")
    public int postsTotal;

    @JdbcTypeCode(SqlTypes.JSON)
    public Setup setup;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_clock_ms")
    public Long decidedClockMs;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "last_error")
    public String lastError;

    @Version
    public long version;

    /** The scenario time now: frozen unless RUNNING, never past the scenario's duration. */
    public long scenarioMs(Instant now, Duration duration) {
        long ms = clockMs;
        if (status == ExerciseStatus.RUNNING && now.isAfter(clockAt)) {
            ms += Duration.between(clockAt, now).toMillis() * speed;
        }
        return Math.min(ms, duration.toMillis());
    }
}
