package cm.vigie.plan.exercise;

import java.util.Map;

import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points exercise setup at the WireMock stand-in for accounts-service. Its own key: vigie.accounts.url is also set
 * by the identity provider resource (for the institution directory), and which of the two wins is not defined.
 */
public class ExerciseTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("vigie.exercises.accounts-url", "http://127.0.0.1:" + PlanTestResource.stubs().port());
    }

    @Override
    public void stop() {
        // the stubs are shared by every application start of the test JVM
    }
}
