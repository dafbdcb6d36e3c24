package cm.vigie.plan.exercise.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Wall time to scenario time, from an exercise's clock events (start, pauses, resumes, restarts). */
public final class ClockMap {

    /** A clock change: from {@code at}, the scenario time is {@code clockMs}, then runs at the speed or not at all. */
    public record Change(Instant at, long clockMs, boolean running) {
    }

    private final List<Change> changes;
    private final int speed;
    private final Instant start;

    public ClockMap(Instant start, int speed, List<Change> changes) {
        this.start = start;
        this.speed = speed;
        this.changes = List.copyOf(changes);
    }

    public long scenarioMs(Instant wall) {
        Change last = null;
        for (Change change : changes) {
            if (change.at().isAfter(wall)) {
                break;
            }
            last = change;
        }
        if (last == null) {
            return 0;
        }
        return last.running() ? last.clockMs() + Duration.between(last.at(), wall).toMillis() * speed : last.clockMs();
    }

    public long wallMs(Instant wall) {
        return Math.max(0, Duration.between(start, wall).toMillis());
    }
}
