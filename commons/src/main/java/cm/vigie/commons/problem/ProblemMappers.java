package cm.vigie.commons.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into an RFC 9457 problem in the caller's language. Nothing internal (stack trace, SQL,
 * class name) ever reaches the body; unexpected failures are logged and answered with a generic 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.of(e, locale(headers), instance(uri));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldOf(violation), violation.getMessage(),
                        constraintOf(violation), constraintArguments(violation)))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return ProblemResponses.of(ProblemType.VALIDATION, locale(headers), instance(uri), errors,
                "problem.validation.detail");
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class })
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = jsonPath(mismatch);
            String messageKey = e instanceof UnrecognizedPropertyException ? "problem.field.unknown"
                    : e instanceof InvalidFormatException ? "problem.field.wrong-format" : "problem.field.wrong-type";
            return ProblemResponses.of(ProblemType.VALIDATION, locale, instance(uri),
                    List.of(new FieldError(field, Messages.get(locale, messageKey), messageKey, Map.of())),
                    "problem.validation.detail");
        }
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, locale, instance(uri), "problem.malformed-request.detail");
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(HttpHeaders headers, UriInfo uri) {
        Response problem = ProblemResponses.of(ProblemType.UNAUTHENTICATED, locale(headers), instance(uri),
                "problem.unauthenticated.detail");
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, locale(headers), instance(uri), "problem.forbidden.detail");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, headers, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response problem = ProblemResponses.of(type, locale(headers), instance(uri), type.titleKey().replace(".title", ".detail"));
        return Response.fromResponse(problem).status(status).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers, UriInfo uri) {
        if (DatabaseUnavailable.causedBy(e)) {
            // Not a bug: the database is down or restarting. 503 tells clients and the gateway to retry later.
            LOG.warnf("Database unavailable on %s: %s", instance(uri), DatabaseUnavailable.describe(e));
            Response problem = ProblemResponses.of(ProblemType.UNAVAILABLE, locale(headers), instance(uri),
                    "problem.unavailable.detail");
            return Response.fromResponse(problem).header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "Unexpected failure on %s", instance(uri));
        return ProblemResponses.of(ProblemType.INTERNAL, locale(headers), instance(uri), "problem.internal.detail");
    }

    static Locale locale(HttpHeaders headers) {
        return Messages.choose(headers.getAcceptableLanguages());
    }

    private static String instance(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }

    /** The constraint's name ({@code NotBlank}, {@code Size}): stable, unlike its message. */
    static String constraintOf(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor() == null ? null
                : violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    /** The constraint's own attributes ({@code min}, {@code max}, {@code regexp}...), without the standard ones. */
    static Map<String, Object> constraintArguments(ConstraintViolation<?> violation) {
        Map<String, Object> arguments = new TreeMap<>();
        if (violation.getConstraintDescriptor() != null) {
            violation.getConstraintDescriptor().getAttributes().forEach((name, value) -> {
                if (!Set.of("message", "groups", "payload").contains(name)
                        && (value instanceof Number || value instanceof String || value instanceof Boolean)) {
                    arguments.put(name, value);
                }
            });
        }
        return arguments;
    }

    /** The field as the client named it: the property path below the method parameter, or the parameter itself. */
    static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder property = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT, BEAN -> {
                    if (node.isInIterable()) {
                        property.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() != null) {
                        property.append(property.length() > 0 ? "." : "").append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        return property.length() > 0 ? property.toString() : parameter == null ? "" : parameter;
    }

    private static String jsonPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
