package cm.vigie.plan.exercise.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be used, with every problem found in it. */
public class InvalidScenarioException extends RuntimeException {

    private final transient List<ScenarioError> errors;

    public InvalidScenarioException(List<ScenarioError> errors) {
        super(errors.size() + " problem(s) / problème(s):\n  "
                + errors.stream().map(ScenarioError::toString).collect(Collectors.joining("\n  ")));
        this.errors = List.copyOf(errors);
    }

    public List<ScenarioError> errors() {
        return errors;
    }
}
