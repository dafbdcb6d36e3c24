package cm.vigie.watch.impersonation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What watch-service reads of accounts-service's scoring answer: one result per candidate, by index. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScoreResponse(List<Result> results) {

    public static final String LIKELY_IMPERSONATION = "LIKELY_IMPERSONATION";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(int index, String verdict, Double score) {
    }
}
