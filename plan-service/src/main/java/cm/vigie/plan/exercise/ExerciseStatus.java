package cm.vigie.plan.exercise;

/** RUNNING ⇄ PAUSED → STOPPED; RUNNING → COMPLETED when every inject is posted and the scenario time is over. */
public enum ExerciseStatus {
    RUNNING, PAUSED, STOPPED, COMPLETED
}
