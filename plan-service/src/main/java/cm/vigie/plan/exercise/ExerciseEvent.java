package cm.vigie.plan.exercise;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** A change of an exercise's clock: START, PAUSE, RESUME, STOP, COMPLETE, RESTART (the service came back up). */
@Entity
@Table(name = "exercise_event")
public class ExerciseEvent {

    @Id
    public UUID id;

    @Column(name = "exercise_id")
    public UUID exerciseId;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    public String kind;

    public Instant at;

    @Column(name = "clock_ms")
    public long clockMs;

    public String actor;

    /** Whether the scenario clock runs after this event. */
    public boolean running() {
        return kind.equals("START") || kind.equals("RESUME") || kind.equals("RESTART");
    }
}
