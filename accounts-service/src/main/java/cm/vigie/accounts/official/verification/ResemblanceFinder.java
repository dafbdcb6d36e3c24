package cm.vigie.accounts.official.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.accounts.impersonation.ReferenceIndexes;
import cm.vigie.accounts.impersonation.engine.Candidate;
import cm.vigie.accounts.impersonation.engine.ImpersonationIndex;
import cm.vigie.accounts.impersonation.engine.Reference;
import cm.vigie.accounts.impersonation.engine.Resemblance;
import cm.vigie.accounts.impersonation.engine.Score;
import cm.vigie.accounts.impersonation.engine.Verdict;
import cm.vigie.accounts.official.Platform;

/**
 * Which other institutions' verified accounts and protected persons a claimed account resembles, by the
 * impersonation engine: its full score (handle and display name) at or above the suspicious threshold, or a handle
 * the public check would call a lookalike. The claimant's own institution is never a resemblance.
 */
@ApplicationScoped
public class ResemblanceFinder {

    private final ReferenceIndexes indexes;
    private final VerificationConfig config;

    ResemblanceFinder(ReferenceIndexes indexes, VerificationConfig config) {
        this.indexes = indexes;
        this.config = config;
    }

    public List<Resembled> of(String institution, Platform platform, String handle, String displayName) {
        ImpersonationIndex index = indexes.otherInstitutionsThan(institution);
        Map<UUID, Resembled> found = new LinkedHashMap<>();
        Score score = index.score(new Candidate(platform.name(), handle, displayName, null, null, null, null, null),
                Instant.now());
        if (score.verdict() != Verdict.UNRELATED && score.closest() != null) {
            add(found, score.closest(), score.score());
        }
        for (Resemblance r : index.resembles(platform.name(), handle, config.maxResemblances())) {
            add(found, r.reference(), r.similarity());
        }
        List<Resembled> list = new ArrayList<>(found.values());
        list.sort(Comparator.comparingDouble(Resembled::score).reversed());
        return list.size() > config.maxResemblances() ? List.copyOf(list.subList(0, config.maxResemblances())) : list;
    }

    private static void add(Map<UUID, Resembled> found, Reference r, double score) {
        Resembled resembled = new Resembled(r.kind().name(), r.id(), r.institutionId(), r.platform(), r.handle(),
                r.displayName(), score);
        found.merge(r.id(), resembled, (a, b) -> b.score() > a.score() ? b : a);
    }
}
