package cm.vigie.accounts.impersonation.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The references of one institution (or of the whole platform, for public verification), prepared for fast
 * impersonation scoring. Immutable and thread-safe: build a new one when references change.
 * <p>
 * A candidate is compared only with a shortlist of references: those sharing an exact confusable key of a handle
 * or name with it, those sharing the most character trigrams of their keys, and those with a photo sharing a
 * 16-bit quarter of its perceptual hash with the avatar. See {@code docs/adr/0008-impersonation-scoring.md}.
 */
public final class ImpersonationIndex {

    private static final int SHORTLIST = 6;
    /** Below this much identity evidence a reference is not "close" and context signals are not looked at. */
    private static final double GATE = 0.15;

    private final ScoringSettings settings;
    private final List<Prepared> prepared;
    private final Map<String, Reference> officialHandles;
    private final Map<String, int[]> exactKeys;
    private final GramIndex grams;
    private final List<Map<Integer, int[]>> photoQuarters;
    private final int[] accounts;
    private final Map<String, int[]> accountKeys;
    private final GramIndex accountGrams;

    private ImpersonationIndex(ScoringSettings settings, List<Prepared> prepared,
            Map<String, Reference> officialHandles, Map<String, int[]> exactKeys, GramIndex grams,
            List<Map<Integer, int[]>> photoQuarters, int[] accounts, Map<String, int[]> accountKeys,
            GramIndex accountGrams) {
        this.settings = settings;
        this.prepared = prepared;
        this.officialHandles = officialHandles;
        this.exactKeys = exactKeys;
        this.grams = grams;
        this.photoQuarters = photoQuarters;
        this.accounts = accounts;
        this.accountKeys = accountKeys;
        this.accountGrams = accountGrams;
    }

    /** Prepares skeletons, n-gram blocks and exact-handle lookups of the references. */
    public static ImpersonationIndex build(Collection<Reference> references, ScoringSettings settings) {
        if (references == null || settings == null) {
            throw new IllegalArgumentException("references and settings are required");
        }
        List<Prepared> prepared = new ArrayList<>(references.size());
        for (Reference reference : references) {
            prepared.add(Prepared.of(reference));
        }
        Map<String, Reference> official = new HashMap<>();
        // Accounts first: when a person's handle is also an institution's account, the account is the answer.
        for (Prepared p : prepared) {
            Reference r = p.reference;
            if (r.kind() == ReferenceKind.OFFICIAL_ACCOUNT) {
                official.putIfAbsent(officialKey(r.platform(), r.handle()), r);
            }
        }
        for (Prepared p : prepared) {
            for (PlatformHandle handle : p.reference.officialHandles()) {
                official.putIfAbsent(officialKey(handle.platform(), handle.handle()), p.reference);
            }
        }
        Map<String, List<Integer>> exact = new HashMap<>();
        List<List<String>> blocking = new ArrayList<>(prepared.size());
        List<Map<Integer, List<Integer>>> quarters = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>());
        List<Integer> accountPositions = new ArrayList<>();
        Map<String, List<Integer>> accountExact = new HashMap<>();
        List<List<String>> accountBlocking = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            for (String key : p.exactKeys()) {
                exact.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
            blocking.add(p.blockingStrings());
            for (long photo : p.photos) {
                for (int q = 0; q < 4; q++) {
                    quarters.get(q).computeIfAbsent(quarter(photo, q), k -> new ArrayList<>()).add(i);
                }
            }
            if (p.reference.kind() == ReferenceKind.OFFICIAL_ACCOUNT) {
                int position = accountPositions.size();
                accountPositions.add(i);
                HandleShape shape = p.forms.get(0).shape();
                accountExact.computeIfAbsent(shape.full, k -> new ArrayList<>()).add(position);
                if (!shape.core.equals(shape.full)) {
                    accountExact.computeIfAbsent(shape.core, k -> new ArrayList<>()).add(position);
                }
                accountBlocking.add(List.of(shape.full, shape.core));
            }
        }
        List<Map<Integer, int[]>> photoQuarters = quarters.stream().map(ImpersonationIndex::freeze).toList();
        return new ImpersonationIndex(settings, List.copyOf(prepared), Map.copyOf(official), freeze(exact),
                GramIndex.build(blocking), photoQuarters,
                accountPositions.stream().mapToInt(Integer::intValue).toArray(), freeze(accountExact),
                GramIndex.build(accountBlocking));
    }

    /** The settings the verdicts are given at. */
    public ScoringSettings settings() {
        return settings;
    }

    /** Number of references indexed. */
    public int size() {
        return prepared.size();
    }

    /**
     * Scores one candidate against the closest reference.
     *
     * @param now the instant against which the account's age is measured
     */
    public Score score(Candidate candidate, Instant now) {
        HandleShape handle = HandleShape.of(candidate.handle());
        Reference official = officialHandles.get(officialKey(candidate.platform(), handle.exact));
        if (official != null) {
            return new Score(Verdict.OFFICIAL, 1.0, official, List.of(new Signal("OFFICIAL_HANDLE", 1.0,
                    "registered official account " + platform(candidate.platform()) + " @" + handle.exact)));
        }
        NameShape name = NameShape.of(candidate.displayName());
        BioShape bio = BioShape.of(candidate.bio());
        Evaluation best = null;
        for (int position : shortlist(handle, name, candidate.avatarHash())) {
            Evaluation evaluation = new Evaluation(prepared.get(position), handle, name, bio, candidate, now);
            if (evaluation.identity >= GATE && (best == null || evaluation.total > best.total
                    || evaluation.total == best.total && evaluation.identity > best.identity)) {
                best = evaluation;
            }
        }
        if (best == null) {
            return new Score(Verdict.UNRELATED, 0.0, null, List.of());
        }
        double score = Math.round(Math.max(0, Math.min(1, best.total)) * 1000) / 1000.0;
        Verdict verdict = score >= settings.likelyThreshold() ? Verdict.LIKELY_IMPERSONATION
                : score >= settings.suspiciousThreshold() ? Verdict.SUSPICIOUS : Verdict.UNRELATED;
        List<Signal> signals = new ArrayList<>(best.signals);
        signals.sort(Comparator.comparingDouble((Signal s) -> -Math.abs(s.contribution())));
        return new Score(verdict, score, best.prepared.reference, signals);
    }

    /**
     * Official accounts whose handle has the same confusable skeleton as the given handle, or is within
     * {@link ScoringSettings#resemblanceMaxEdits()} edits of it, most similar first, at most {@code max}.
     * An exactly equal official account (same platform and handle) is not a resemblance and is left out.
     *
     * @param platform platform of the looked-up handle; resemblances on every platform are returned, the same
     *                 platform first at equal similarity
     * @param handle   handle as a citizen typed it (leading {@code @}, case, spaces and mixed scripts are tolerated)
     */
    public List<Resemblance> resembles(String platform, String handle, int max) {
        if (max <= 0 || handle == null || handle.isBlank()) {
            return List.of();
        }
        String wanted = platform == null ? "" : platform(platform);
        HandleShape shape = HandleShape.of(handle);
        int[] positions = merge(accountKeys.get(shape.full), accountKeys.get(shape.core),
                accountGrams.shortlist(GramIndex.grams(List.of(shape.full, shape.core)), 2, 32), null);
        List<Resemblance> found = new ArrayList<>();
        for (int position : positions) {
            Prepared p = prepared.get(accounts[position]);
            Reference r = p.reference;
            if (platform(r.platform()).equals(wanted) && Text.exactHandle(r.handle()).equals(shape.exact)) {
                continue;
            }
            double similarity = resemblance(shape, p.forms.get(0).shape());
            if (similarity > 0) {
                found.add(new Resemblance(r, similarity));
            }
        }
        found.sort(Comparator.comparingDouble((Resemblance x) -> -x.similarity())
                .thenComparing(x -> platform(x.reference().platform()).equals(wanted) ? 0 : 1)
                .thenComparing(x -> x.reference().handle()));
        return found.size() > max ? List.copyOf(found.subList(0, max)) : List.copyOf(found);
    }

    private double resemblance(HandleShape looked, HandleShape official) {
        if (looked.full.equals(official.full)) {
            return 1.0;
        }
        if (looked.core.equals(official.core) && official.core.length() >= 4) {
            return 0.9;
        }
        int allowed = Math.min(settings.resemblanceMaxEdits(), allowedEdits(official.full.length()));
        if (allowed == 0) {
            return 0;
        }
        int distance = Math.min(Similarity.editDistance(looked.full, official.full, allowed),
                Similarity.editDistance(looked.core, official.core, allowed));
        if (distance > allowed) {
            return 0;
        }
        double length = Math.max(looked.full.length(), official.full.length());
        return Math.round((1 - distance / length) * 1000) / 1000.0;
    }

    /** Edits tolerated on a handle key of this length: none under 5 characters, one up to 8, then two. */
    static int allowedEdits(int length) {
        return length >= 9 ? 2 : length >= 5 ? 1 : 0;
    }

    private int[] shortlist(HandleShape handle, NameShape name, Long avatar) {
        List<String> strings = new ArrayList<>(2 + name.content.size());
        strings.add(handle.full);
        if (!handle.core.equals(handle.full)) {
            strings.add(handle.core);
        }
        strings.addAll(name.content);
        long[] candidateGrams = GramIndex.grams(strings);
        int[] byGrams = grams.shortlist(candidateGrams, candidateGrams.length < 8 ? 2 : 3, SHORTLIST);
        int[] byPhoto = null;
        if (avatar != null && !photoQuarters.get(0).isEmpty()) {
            int[][] parts = new int[4][];
            for (int q = 0; q < 4; q++) {
                parts[q] = photoQuarters.get(q).get(quarter(avatar, q));
            }
            byPhoto = merge(parts[0], parts[1], parts[2], parts[3]);
        }
        int[] exact = merge(exactKeys.get(handle.full), exactKeys.get(handle.core),
                name.joined.length() >= 4 ? exactKeys.get(name.joined) : null, byPhoto);
        return merge(exact, byGrams, null, null);
    }

    private static int[] merge(int[] a, int[] b, int[] c, int[] d) {
        int length = (a == null ? 0 : a.length) + (b == null ? 0 : b.length) + (c == null ? 0 : c.length)
                + (d == null ? 0 : d.length);
        if (length == 0) {
            return new int[0];
        }
        int[] out = new int[length];
        int size = 0;
        for (int[] part : new int[][] {a, b, c, d}) {
            if (part == null) {
                continue;
            }
            next:
            for (int value : part) {
                for (int i = 0; i < size; i++) {
                    if (out[i] == value) {
                        continue next;
                    }
                }
                out[size++] = value;
            }
        }
        return Arrays.copyOf(out, size);
    }

    private static int quarter(long hash, int q) {
        return (int) ((hash >>> (16 * q)) & 0xffff);
    }

    private static String platform(String platform) {
        return platform.strip().toUpperCase(Locale.ROOT);
    }

    private static String officialKey(String platform, String handle) {
        return platform(platform) + '\u0000' + Text.exactHandle(handle);
    }

    private static <K> Map<K, int[]> freeze(Map<K, List<Integer>> lists) {
        Map<K, int[]> out = new HashMap<>(lists.size() * 2);
        lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).distinct().toArray()));
        return out;
    }

    /** One candidate against one reference: the signals and their sum. */
    private final class Evaluation {

        final Prepared prepared;
        final List<Signal> signals = new ArrayList<>(8);
        double identity;
        double total;

        Evaluation(Prepared prepared, HandleShape handle, NameShape name, BioShape bio, Candidate candidate,
                Instant now) {
            this.prepared = prepared;
            Weights w = Weights.DEFAULT;

            // Handle against the reference's real handles (strong) and against handles spelt from its names.
            Match strong = null;
            Match spelt = null;
            for (Prepared.Form form : prepared.forms) {
                Match match = Match.of(handle, form);
                if (match == null) {
                    continue;
                }
                // Lookalike characters in a handle spelt from the name are deliberate: as strong as a copied handle.
                if (form.strong() || handle.disguised && match.code.equals("HANDLE_SKELETON")) {
                    if (strong == null || match.similarity > strong.similarity) {
                        strong = match;
                    }
                } else if (spelt == null || match.similarity > spelt.similarity) {
                    spelt = match;
                }
            }
            double handleStrong = strong == null ? 0 : w.handleStrong * strong.similarity;
            double handleSpelt = spelt == null ? 0 : w.handleSpelt * spelt.similarity;

            double nameSimilarity = 0;
            for (NameShape reference : prepared.names) {
                nameSimilarity = Math.max(nameSimilarity, name.similarityTo(reference, prepared.titleKeys));
            }
            double nameScore = w.name * Math.max(0, Math.min(1, (nameSimilarity - 0.6) / 0.35));

            // A real handle copied is evidence on its own; a name and a handle spelt from the same name are the
            // same evidence twice (a namesake has both), so the weaker of the two only adds a little.
            double nameShare;
            double speltShare;
            if (handleStrong > 0) {
                nameShare = nameScore >= handleSpelt ? 0.6 * nameScore : 0;
                speltShare = handleSpelt > nameScore ? 0.6 * handleSpelt : 0;
                add(strong.code, handleStrong, strong.detail);
            } else {
                nameShare = nameScore >= handleSpelt ? nameScore : w.nameEcho * nameScore;
                speltShare = handleSpelt > nameScore ? handleSpelt : w.nameEcho * handleSpelt;
                if (spelt != null && speltShare > 0) {
                    add(spelt.code, speltShare, spelt.detail);
                }
            }
            if (handleStrong > 0 && spelt != null && speltShare > 0) {
                add(spelt.code, speltShare, spelt.detail);
            }
            if (nameShare > 0) {
                add("NAME_SIMILARITY", nameShare, String.format(Locale.ROOT,
                        "display name matches \"%s\" at %.2f (accents, case and titles ignored)",
                        prepared.reference.displayName(), nameSimilarity));
                if (name.disguised) {
                    add("NAME_SKELETON", w.nameSkeleton,
                            "display name uses lookalike characters (mixed scripts or digits for letters)");
                }
            }

            Long avatar = candidate.avatarHash();
            if (avatar != null && prepared.photos.length > 0) {
                int distance = 65;
                for (long photo : prepared.photos) {
                    distance = Math.min(distance, PerceptualHash.distance(avatar, photo));
                }
                if (distance <= settings.avatarMaxDistance()) {
                    double contribution = w.avatar * (1 - 0.5 * distance / Math.max(1, settings.avatarMaxDistance()));
                    add("AVATAR_MATCH", contribution, "avatar within " + distance
                            + " bits of a reference photo (perceptual hash)");
                }
            }
            identity = total;
            if (identity < GATE) {
                return;
            }

            // Context: what the account claims and how it looks.
            // Digits, country tags and separators are bait only around a copied real handle: around a name they
            // are how ordinary people find a free handle ("aurelien_mbarga60").
            HandleShape matched = strong != null ? strong.form.shape() : spelt != null ? spelt.form.shape() : null;
            boolean copied = strong != null;
            List<String> bait = new ArrayList<>(3);
            double baitScore = 0;
            for (HandleShape.Bait b : handle.baitsBeyond(matched)) {
                double value = switch (b.kind()) {
                    case CLAIM -> w.baitClaim;
                    case COUNTRY, DIGITS -> copied ? w.baitDigits : 0;
                    case FILLER -> copied ? w.baitMinor : 0;
                    case TITLE -> w.baitMinor;
                };
                if (value > 0) {
                    baitScore += value;
                    bait.add(b.kind() == HandleShape.BaitKind.DIGITS ? "added digits " + b.token() : b.token());
                }
            }
            if (copied && handle.separators > matched.separators) {
                baitScore += w.baitMinor;
                bait.add("extra separators");
            }
            if (name.claim || bio.claim) {
                baitScore += w.baitClaim;
                bait.add("claims to be official");
            }
            if (baitScore > 0) {
                add("BAIT_TOKEN", Math.min(w.baitCap, baitScore), String.join(", ", bait));
            }

            String title = specificTitle(name, bio);
            if (title != null) {
                add("OFFICIAL_TITLE", w.titleSpecific, "name or bio carries the title \"" + title + "\"");
            } else if (name.office || bio.office) {
                add("OFFICIAL_TITLE", w.titleOffice, "name or bio puts forward an office");
            } else if (name.honorific) {
                add("OFFICIAL_TITLE", w.titleHonorific, "name carries an honorific");
            }

            if (candidate.createdAt() != null
                    && candidate.createdAt().isAfter(now.minus(settings.youngAccountAge()))) {
                add("YOUNG_ACCOUNT", w.young, "created " + candidate.createdAt());
            }
            if (candidate.followers() != null && candidate.followers() < settings.fewFollowers()) {
                add("FEW_FOLLOWERS", w.fewFollowers, candidate.followers() + " followers");
            }
            if (Boolean.FALSE.equals(candidate.verified())) {
                add("NOT_VERIFIED", w.notVerified, "no verification badge");
            } else if (Boolean.TRUE.equals(candidate.verified())) {
                add("VERIFIED", w.verified, "the platform verified this account");
            }
            if (handle.fan || name.fan || bio.fan) {
                // At most SUSPICIOUS: whether the declaration is honest is for a person to judge.
                double ceiling = settings.likelyThreshold() - 0.05;
                add("DECLARED_FAN_OR_PARODY", Math.min(w.fan, ceiling - total),
                        "declares itself a fan, parody or unofficial page");
            }
        }

        private void add(String code, double contribution, String detail) {
            double rounded = Math.round(contribution * 1000) / 1000.0;
            signals.add(new Signal(code, rounded, detail));
            total += rounded;
        }

        private String specificTitle(NameShape name, BioShape bio) {
            for (Prepared.Title title : prepared.titles) {
                int found = 0;
                for (int i = 0; i < title.keys().size(); i++) {
                    if (name.allKeys.contains(title.keys().get(i)) || bio.folds.contains(title.folds().get(i))) {
                        found++;
                    }
                }
                int needed = Math.max(2, (int) Math.ceil(0.75 * title.keys().size()));
                if (found >= needed) {
                    return title.text();
                }
            }
            return null;
        }
    }

    /** How a candidate handle matches one form of a reference. */
    private record Match(Prepared.Form form, double similarity, String code, String detail) {

        static Match of(HandleShape handle, Prepared.Form form) {
            HandleShape reference = form.shape();
            if (handle.full.equals(reference.full)) {
                String how = handle.exact.equals(reference.exact) ? "same handle as "
                        : handle.disguised ? "lookalike characters, same skeleton as " : "same skeleton as ";
                return new Match(form, form.factor(), "HANDLE_SKELETON", how + what(form));
            }
            if (handle.core.equals(reference.core) && reference.core.length() >= 4) {
                return new Match(form, 0.92 * form.factor(), "HANDLE_SKELETON",
                        "same skeleton as " + what(form) + " once bait is removed");
            }
            int coreAllowed = allowedEdits(reference.core.length());
            int fullAllowed = allowedEdits(reference.full.length());
            int distance = 99;
            // Each edit changes the set of characters present by at most two: a cheap filter before the DP.
            if (coreAllowed > 0 && Long.bitCount(handle.coreLetters ^ reference.coreLetters) <= 2 * coreAllowed) {
                int d = Similarity.editDistance(handle.core, reference.core, coreAllowed);
                if (d <= coreAllowed) {
                    distance = d;
                }
            }
            boolean sameAsCore = handle.full.equals(handle.core) && reference.full.equals(reference.core);
            if (distance > 1 && fullAllowed > 0 && !(sameAsCore && coreAllowed == fullAllowed)
                    && Long.bitCount(handle.fullLetters ^ reference.fullLetters) <= 2 * fullAllowed) {
                int d = Similarity.editDistance(handle.full, reference.full, fullAllowed);
                if (d <= fullAllowed) {
                    distance = Math.min(distance, d);
                }
            }
            if (distance < 99) {
                return new Match(form, (0.92 - 0.14 * distance) * form.factor(), "HANDLE_EDIT_DISTANCE",
                        distance + (distance == 1 ? " edit" : " edits") + " from " + what(form));
            }
            // Containment only when the reference is most of the handle: "minsante" in "minsantegabon" is a
            // different ministry, "malachiemanaouda" in "malachiemanaoudaa" is not.
            if (reference.core.length() >= 6 && reference.core.length() >= 0.7 * handle.core.length()
                    && handle.core.contains(reference.core)) {
                return new Match(form, 0.72 * form.factor(), "HANDLE_EDIT_DISTANCE", "contains " + what(form));
            }
            return null;
        }

        private static String what(Prepared.Form form) {
            return form.strong() ? "official " + form.label() : "handle spelt from " + form.label();
        }
    }
}
