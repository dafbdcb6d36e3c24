package cm.vigie.commons.problem;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

/** Builds problem answers in the caller's language. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, Locale locale, String instance, String detailKey, Object... args) {
        return of(type, locale, instance, List.of(), detailKey, args);
    }

    public static Response of(ProblemType type, Locale locale, String instance, List<FieldError> errors,
            String detailKey, Object... args) {
        return Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .entity(problem(type, locale, instance, errors, detailKey, args)).build();
    }

    /** The problem body alone, for code that answers outside JAX-RS (the gateway's Vert.x routes). */
    public static Problem problem(ProblemType type, Locale locale, String instance, List<FieldError> errors,
            String detailKey, Object... args) {
        return problem(type, type.code(), locale, instance, errors, detailKey, args);
    }

    public static Problem problem(ProblemType type, ProblemCode code, Locale locale, String instance,
            List<FieldError> errors, String detailKey, Object... args) {
        return new Problem(type.uri(), code, Messages.get(locale, type.titleKey()), type.status(),
                detailKey == null ? null : Messages.get(locale, detailKey, args), instance, errors);
    }

    /** The field error in the caller's language; its key stays as its {@code code}. */
    public static FieldError resolve(FieldError error, Locale locale) {
        return new FieldError(error.field(), Messages.get(locale, error.message(), error.positionalValues()),
                error.code() != null ? error.code() : error.message(), error.arguments());
    }

    public static Response of(ProblemException e, Locale locale, String instance) {
        List<FieldError> errors = e.errors().stream().map(error -> resolve(error, locale)).toList();
        Problem problem = e.complete(problem(e.type(), e.code(), locale, instance, errors, e.detailKey(), e.args()));
        return Response.status(e.type().status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
