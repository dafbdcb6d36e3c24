package cm.vigie.commons.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details, with a stable machine-readable `code` (see docs/errors.md)")
public record Problem(
        @Schema(description = "URI reference identifying the problem type", examples = "https://vigie.cm/problems/not-found") String type,
        @Schema(description = "Stable, machine-readable cause: branch on this, not on the title or the detail", required = true,
                examples = "NOT_FOUND") ProblemCode code,
        @Schema(description = "Short summary of the problem type", examples = "Not found") String title,
        @Schema(description = "HTTP status code", examples = "404") int status,
        @Schema(description = "Explanation specific to this occurrence", examples = "No official account has this id.") String detail,
        @Schema(description = "Path of the request that failed", examples = "/api/accounts/official/7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11") String instance,
        @Schema(description = "Invalid fields, for validation problems") List<FieldError> errors,
        @Schema(description = "The quota that refused the request (quota-exceeded problems)", examples = "watchlists") String quota,
        @Schema(description = "That quota's limit for the caller's institution (quota-exceeded problems)", examples = "200") Integer limit) {

    public Problem(String type, ProblemCode code, String title, int status, String detail, String instance,
            List<FieldError> errors) {
        this(type, code, title, status, detail, instance, errors, null, null);
    }

    public Problem withQuota(String quota, int limit) {
        return new Problem(type, code, title, status, detail, instance, errors, quota, limit);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://vigie.cm/problems/";
}
