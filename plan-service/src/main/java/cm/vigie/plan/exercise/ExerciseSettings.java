package cm.vigie.plan.exercise;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Crisis exercises (docs/adr/0015-exercises.md). */
@ConfigMapping(prefix = "vigie.exercises")
public interface ExerciseSettings {

    /** How often the runner advances running exercises and posts their due injects. */
    @WithDefault("1s")
    Duration tick();

    /** Most mentions in one batch posted to watch-service (its limit is 1,000). */
    @WithDefault("500")
    int batchSize();

    /** accounts-service for exercise setup (protected persons); vigie.accounts.url when not set. */
    java.util.Optional<String> accountsUrl();

    /** Timeout of each call to watch-service and accounts-service made for an exercise. */
    @WithDefault("10s")
    Duration timeout();
}
