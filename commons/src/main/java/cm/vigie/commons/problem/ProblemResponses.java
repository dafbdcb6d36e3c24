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
        return new Problem(type.uri(), Messages.get(locale, type.titleKey()), type.status(),
                detailKey == null ? null : Messages.get(locale, detailKey, args), instance, errors);
    }

    public static Response of(ProblemException e, Locale locale, String instance) {
        List<FieldError> errors = e.errors().stream()
                .map(error -> new FieldError(error.field(), Messages.get(locale, error.message())))
                .toList();
        Problem problem = e.complete(problem(e.type(), locale, instance, errors, e.detailKey(), e.args()));
        return Response.status(e.type().status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
