package cm.vigie.watch.impersonation;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of accounts-service's {@code POST /api/accounts/impersonation/score}. */
public record ScoreRequest(List<Candidate> candidates) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(String platform, String handle, String displayName, String bio, String avatarHash,
            Instant createdAt, Long followers, Boolean verified) {
    }
}
