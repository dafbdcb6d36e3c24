package cm.vigie.accounts.impersonation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImpersonationCandidates", description = "Up to 1,000 candidate accounts")
public record CandidatesRequest(
        @NotNull @Size(min = 1, max = 1000, message = "{vigie.candidates.size}") List<@Valid CandidateRequest> candidates) {
}
