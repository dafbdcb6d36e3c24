package cm.vigie.commons.problem;

import java.util.List;

/**
 * Thrown by services to answer with a problem. The detail is a message key, looked up in the service's
 * {@code messages} bundle, then in the shared one, in the language the caller asked for.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detailKey;
    private final transient Object[] args;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detailKey, Object... args) {
        this(type, List.of(), detailKey, args);
    }

    public ProblemException(ProblemType type, List<FieldError> errors, String detailKey, Object... args) {
        super(detailKey, null, false, false);
        this.type = type;
        this.detailKey = detailKey;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detailKey, Object... args) {
        return new ProblemException(ProblemType.NOT_FOUND, detailKey, args);
    }

    public static ProblemException conflict(String detailKey, Object... args) {
        return new ProblemException(ProblemType.CONFLICT, detailKey, args);
    }

    public static ProblemException invalid(String field, String messageKey, Object... args) {
        return new ProblemException(ProblemType.VALIDATION, List.of(new FieldError(field, messageKey)),
                "problem.validation.detail");
    }

    public ProblemType type() {
        return type;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] args() {
        return args;
    }

    /** Adds this problem's extension members, if any, to the body about to be written. */
    public Problem complete(Problem problem) {
        return problem;
    }

    /** Field errors whose message is still a key, resolved when the answer is written. */
    public List<FieldError> errors() {
        return errors;
    }
}
