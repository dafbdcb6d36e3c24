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
        Problem problem = new Problem(type.uri(), Messages.get(locale, type.titleKey()), type.status(),
                detailKey == null ? null : Messages.get(locale, detailKey, args), instance, errors);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response of(ProblemException e, Locale locale, String instance) {
        List<FieldError> errors = e.errors().stream()
                .map(error -> new FieldError(error.field(), Messages.get(locale, error.message())))
                .toList();
        return of(e.type(), locale, instance, errors, e.detailKey(), e.args());
    }
}
