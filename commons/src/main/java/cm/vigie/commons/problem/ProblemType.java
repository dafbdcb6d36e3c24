package cm.vigie.commons.problem;

/** The problem types Vigie answers with; each has a stable URI and a localized title. */
public enum ProblemType {
    VALIDATION(400, "validation"),
    MALFORMED_REQUEST(400, "malformed-request"),
    UNAUTHENTICATED(401, "unauthenticated"),
    FORBIDDEN(403, "forbidden"),
    INSTITUTION_SUSPENDED(403, "institution-suspended"),
    NOT_FOUND(404, "not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable"),
    CONFLICT(409, "conflict"),
    PRECONDITION_FAILED(412, "precondition-failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    UNPROCESSABLE(422, "unprocessable"),
    PRECONDITION_REQUIRED(428, "precondition-required"),
    TOO_MANY_REQUESTS(429, "too-many-requests"),
    INTERNAL(500, "internal"),
    BAD_GATEWAY(502, "bad-gateway"),
    UNAVAILABLE(503, "unavailable"),
    GATEWAY_TIMEOUT(504, "gateway-timeout"),
    QUOTA_EXCEEDED(422, "quota-exceeded"),
    CONCURRENCY_QUOTA_EXCEEDED(429, "concurrency-quota-exceeded"),
    REQUEST_TIMEOUT(408, "request-timeout");

    private final int status;
    private final String slug;

    ProblemType(int status, String slug) {
        this.status = status;
        this.slug = slug;
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
