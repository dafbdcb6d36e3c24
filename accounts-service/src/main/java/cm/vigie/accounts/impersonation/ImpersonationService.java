package cm.vigie.accounts.impersonation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cm.vigie.accounts.impersonation.engine.Candidate;
import cm.vigie.accounts.impersonation.engine.ImpersonationIndex;
import cm.vigie.accounts.impersonation.engine.PerceptualHash;
import cm.vigie.accounts.impersonation.engine.Reference;
import cm.vigie.accounts.impersonation.engine.ReferenceKind;
import cm.vigie.accounts.impersonation.engine.Score;
import cm.vigie.accounts.impersonation.engine.Verdict;
import cm.vigie.accounts.official.Handles;
import cm.vigie.accounts.official.Platform;
import cm.vigie.accounts.suspect.ScoredSuspect;
import cm.vigie.accounts.suspect.SuspectService;
import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;

/** Scores candidates against the caller's institution's references, and turns high scores into suspect accounts. */
@ApplicationScoped
public class ImpersonationService {

    private final ReferenceIndexes indexes;
    private final ImpersonationSettingsService settings;
    private final SuspectService suspects;

    ImpersonationService(ReferenceIndexes indexes, ImpersonationSettingsService settings, SuspectService suspects) {
        this.indexes = indexes;
        this.settings = settings;
        this.suspects = suspects;
    }

    @Transactional
    public List<Score> score(List<CandidateRequest> candidates) {
        List<Candidate> parsed = parse(candidates);
        ImpersonationIndex index = indexes.forCallerInstitution();
        Instant now = Instant.now();
        List<Score> scores = new ArrayList<>(parsed.size());
        for (Candidate candidate : parsed) {
            scores.add(index.score(candidate, now));
        }
        return scores;
    }

    /**
     * Scores, then opens or updates one suspect account per (platform, handle) scoring at or above the
     * institution's threshold; official accounts never become suspects. All or nothing.
     */
    @Transactional
    public ScanResponse scan(List<CandidateRequest> candidates) {
        List<Score> scores = score(candidates);
        double threshold = settings.current().threshold();
        Map<String, ScoredSuspect> best = new HashMap<>();
        Map<Integer, String> keyOf = new HashMap<>();
        for (int i = 0; i < scores.size(); i++) {
            Score score = scores.get(i);
            if (score.verdict() == Verdict.OFFICIAL || score.score() < threshold) {
                continue;
            }
            CandidateRequest candidate = candidates.get(i);
            String handle = Handles.normalise(candidate.platform(), candidate.handle());
            String key = candidate.platform() + "\u0000" + handle;
            keyOf.put(i, key);
            ScoredSuspect hit = toHit(candidate.platform(), handle, candidate.displayName(), score);
            best.merge(key, hit, (a, b) -> b.score() > a.score() ? b : a);
        }
        Map<String, SuspectService.Recorded> recorded = suspects.recordScored(best);
        int opened = 0;
        int updated = 0;
        for (SuspectService.Recorded r : recorded.values()) {
            if (r.opened()) {
                opened++;
            } else {
                updated++;
            }
        }
        List<ScanResponse.Result> results = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            Score score = scores.get(i);
            SuspectService.Recorded r = keyOf.containsKey(i) ? recorded.get(keyOf.get(i)) : null;
            ScanResponse.Action action = r == null ? ScanResponse.Action.IGNORED
                    : r.opened() ? ScanResponse.Action.OPENED : ScanResponse.Action.UPDATED;
            results.add(new ScanResponse.Result(i, score.verdict().name(), score.score(), action,
                    r == null ? null : r.suspectId()));
        }
        return new ScanResponse(threshold, opened, updated, results);
    }

    private static ScoredSuspect toHit(Platform platform, String handle, String displayName, Score score) {
        Reference closest = score.closest();
        return new ScoredSuspect(platform, handle, displayName == null || displayName.isBlank() ? null : displayName.strip(),
                closest != null && closest.kind() == ReferenceKind.PROTECTED_PERSON ? closest.id() : null,
                closest != null && closest.kind() == ReferenceKind.OFFICIAL_ACCOUNT ? closest.id() : null,
                score.score(), score.verdict().name());
    }

    private static List<Candidate> parse(List<CandidateRequest> candidates) {
        List<FieldError> errors = new ArrayList<>();
        List<Candidate> parsed = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            CandidateRequest c = candidates.get(i);
            if (c == null) {
                errors.add(new FieldError("candidates[" + i + "]", "impersonation.candidate.null"));
                continue;
            }
            Long avatar = c.avatarHash() == null ? null : PerceptualHash.parseHex(c.avatarHash());
            parsed.add(new Candidate(c.platform().name(), c.handle(), c.displayName(), c.bio(), avatar, c.createdAt(),
                    c.followers(), c.verified()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors, "problem.validation.detail");
        }
        return parsed;
    }

    static ScoreResponse.Result view(int index, Score score) {
        Reference closest = score.closest();
        return new ScoreResponse.Result(index, score.verdict().name(), score.score(),
                closest == null ? null : new ScoreResponse.Closest(closest.kind().name(), closest.id(),
                        closest.platform(), closest.handle(), closest.displayName()),
                score.signals().stream().map(s -> new ScoreResponse.SignalView(s.code(),
                        Math.round(s.contribution() * 1000) / 1000.0, s.detail())).toList());
    }
}
