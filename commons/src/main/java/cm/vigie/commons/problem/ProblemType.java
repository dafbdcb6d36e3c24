package cm.vigie.commons.problem;

/** The problem types Vigie answers with; each has a stable URI, a localized title and a default {@link ProblemCode}. */
public enum ProblemType {
    VALIDATION(400, "validation", ProblemCode.VALIDATION),
    MALFORMED_REQUEST(400, "malformed-request", ProblemCode.MALFORMED_REQUEST),
    UNAUTHENTICATED(401, "unauthenticated", ProblemCode.UNAUTHENTICATED),
    FORBIDDEN(403, "forbidden", ProblemCode.FORBIDDEN_ROLE),
    INSTITUTION_SUSPENDED(403, "institution-suspended", ProblemCode.INSTITUTION_SUSPENDED),
    NOT_FOUND(404, "not-found", ProblemCode.NOT_FOUND),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", ProblemCode.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(406, "not-acceptable", ProblemCode.NOT_ACCEPTABLE),
    CONFLICT(409, "conflict", ProblemCode.CONFLICT),
    PRECONDITION_FAILED(412, "precondition-failed", ProblemCode.STALE_ETAG),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", ProblemCode.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", ProblemCode.UNSUPPORTED_MEDIA_TYPE),
    UNPROCESSABLE(422, "unprocessable", ProblemCode.UNPROCESSABLE),
    PRECONDITION_REQUIRED(428, "precondition-required", ProblemCode.PRECONDITION_REQUIRED),
    TOO_MANY_REQUESTS(429, "too-many-requests", ProblemCode.RATE_LIMITED),
    INTERNAL(500, "internal", ProblemCode.INTERNAL),
    BAD_GATEWAY(502, "bad-gateway", ProblemCode.BAD_GATEWAY),
    UNAVAILABLE(503, "unavailable", ProblemCode.SERVICE_UNAVAILABLE),
    GATEWAY_TIMEOUT(504, "gateway-timeout", ProblemCode.GATEWAY_TIMEOUT),
    QUOTA_EXCEEDED(422, "quota-exceeded", ProblemCode.QUOTA_EXCEEDED),
    CONCURRENCY_QUOTA_EXCEEDED(429, "concurrency-quota-exceeded", ProblemCode.CONCURRENCY_QUOTA_EXCEEDED),
    REQUEST_TIMEOUT(408, "request-timeout", ProblemCode.REQUEST_TIMEOUT);

    private final int status;
    private final String slug;
    private final ProblemCode code;

    ProblemType(int status, String slug, ProblemCode code) {
        this.status = status;
        this.slug = slug;
        this.code = code;
    }

    /** The code a problem of this type carries unless the thrower names a more precise one. */
    public ProblemCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }

    String titleKey() {
        return "problem." + slug + ".title";
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
