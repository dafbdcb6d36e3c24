package cm.vigie.commons.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The machine-readable cause of a problem, stable across releases and languages: what a client branches on (the
 * {@code title} and {@code detail} are for people and change with {@code Accept-Language}). Each {@link ProblemType}
 * has a default code; a type that covers several causes (409, 403) is given an explicit one where it is thrown.
 * Every code is explained in {@code docs/errors.md} (status, when, what a client should do).
 */
@Schema(name = "ProblemCode", description = "Machine-readable cause of a problem; see docs/errors.md")
public enum ProblemCode {
    VALIDATION,
    MALFORMED_REQUEST,
    UNAUTHENTICATED,
    FORBIDDEN_ROLE,
    NOT_AN_APPROVER,
    FOUR_EYES,
    INSTITUTION_SUSPENDED,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    REQUEST_TIMEOUT,
    CONFLICT,
    DUPLICATE,
    INVALID_TRANSITION,
    STALE_ETAG,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    UNPROCESSABLE,
    QUOTA_EXCEEDED,
    PRECONDITION_REQUIRED,
    RATE_LIMITED,
    CONCURRENCY_QUOTA_EXCEEDED,
    INTERNAL,
    BAD_GATEWAY,
    SERVICE_UNAVAILABLE,
    GATEWAY_TIMEOUT
}
