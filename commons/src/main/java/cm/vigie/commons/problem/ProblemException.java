package cm.vigie.commons.problem;

import java.util.List;

/**
 * Thrown by services to answer with a problem. The detail is a message key, looked up in the service's
 * {@code messages} bundle, then in the shared one, in the language the caller asked for. The problem's {@code code}
 * is the type's default unless one is named ({@link #duplicate}, {@link #invalidTransition}, or the constructor).
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final ProblemCode code;
    private final String detailKey;
    private final transient Object[] args;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detailKey, Object... args) {
        this(type, type.code(), List.of(), detailKey, args);
    }

    public ProblemException(ProblemType type, ProblemCode code, String detailKey, Object... args) {
        this(type, code, List.of(), detailKey, args);
    }

    public ProblemException(ProblemType type, List<FieldError> errors, String detailKey, Object... args) {
        this(type, type.code(), errors, detailKey, args);
    }

    public ProblemException(ProblemType type, ProblemCode code, List<FieldError> errors, String detailKey, Object... args) {
        super(detailKey, null, false, false);
        this.type = type;
        this.code = code;
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

    /** 409: something with the same natural key (name, slug, handle) already exists. */
    public static ProblemException duplicate(String detailKey, Object... args) {
        return new ProblemException(ProblemType.CONFLICT, ProblemCode.DUPLICATE, detailKey, args);
    }

    /** 409: the resource's current state does not allow this action (workflow, status machine). */
    public static ProblemException invalidTransition(String detailKey, Object... args) {
        return new ProblemException(ProblemType.CONFLICT, ProblemCode.INVALID_TRANSITION, detailKey, args);
    }

    /** 400 with one field error; {@code args} fill the field's message ({@code {0}}, {@code {1}}...). */
    public static ProblemException invalid(String field, String messageKey, Object... args) {
        return new ProblemException(ProblemType.VALIDATION, List.of(FieldError.of(field, messageKey, args)),
                "problem.validation.detail");
    }

    public ProblemType type() {
        return type;
    }

    public ProblemCode code() {
        return code;
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
