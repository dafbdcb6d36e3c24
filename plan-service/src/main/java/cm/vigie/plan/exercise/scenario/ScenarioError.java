package cm.vigie.plan.exercise.scenario;

/** One problem in a scenario file: where (file and path, such as {@code injects[3].actor}) and what, in both languages. */
public record ScenarioError(String file, String path, String en, String fr) {

    @Override
    public String toString() {
        return file + ": " + (path.isEmpty() ? "(root)" : path) + ": " + en + " / " + fr;
    }
}
