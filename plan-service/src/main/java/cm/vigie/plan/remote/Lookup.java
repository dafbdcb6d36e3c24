package cm.vigie.plan.remote;

import java.util.function.Function;

/** What another service answered: the thing, "no such thing" (404), or why it could not be asked. */
public sealed interface Lookup<T> {

    record Found<T>(T value) implements Lookup<T> {
    }

    record Missing<T>() implements Lookup<T> {
    }

    record Unavailable<T>(String reason) implements Lookup<T> {
    }

    default <R> Lookup<R> map(Function<T, R> mapper) {
        if (this instanceof Found<T> found) {
            return new Found<>(mapper.apply(found.value()));
        }
        if (this instanceof Unavailable<T> unavailable) {
            return new Unavailable<>(unavailable.reason());
        }
        return new Missing<>();
    }
}
