package cm.vigie.accounts.impersonation.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A display name reduced to what identifies someone: confusable keys of its words without titles, offices,
 * claims, country tags and stop words ({@code "S.E. Dr Mаlachie MANAOUDA (officiel)"} → {@code [rnalachle,
 * rnanaouda]}), plus what was removed, which is evidence of its own.
 */
final class NameShape {

    static final NameShape EMPTY = new NameShape(List.of(), "", Set.of(), false, false, false, false, false);

    final List<String> content;
    final String joined;
    /** Every word's key, titles and offices included (to find a reference's title). */
    final Set<String> allKeys;
    final boolean honorific;
    final boolean office;
    final boolean claim;
    final boolean fan;
    final boolean disguised;

    private NameShape(List<String> content, String joined, Set<String> allKeys, boolean honorific, boolean office,
            boolean claim, boolean fan, boolean disguised) {
        this.content = content;
        this.joined = joined;
        this.allKeys = allKeys;
        this.honorific = honorific;
        this.office = office;
        this.claim = claim;
        this.fan = fan;
        this.disguised = disguised;
    }

    static NameShape of(String name) {
        if (name == null || name.isBlank()) {
            return EMPTY;
        }
        List<String> words = Text.words(Text.key(name));
        List<String> content = new ArrayList<>(words.size());
        Set<String> all = new HashSet<>(words);
        boolean honorific = false;
        boolean office = false;
        boolean claim = false;
        boolean fan = false;
        String previous = null;
        for (String word : words) {
            if (Lexicon.FAN_KEYS.contains(word)) {
                fan = true;
            } else if (Lexicon.CLAIM_KEYS.contains(word)) {
                if (previous != null && Lexicon.NEGATION_FOLDS.contains(previous)) {
                    fan = true;
                } else {
                    claim = true;
                }
            } else if (Lexicon.OFFICE_KEYS.contains(word)) {
                office = true;
            } else if (Lexicon.HONORIFIC_KEYS.contains(word)) {
                honorific = true;
            } else if (!Lexicon.STOP_KEYS.contains(word) && !Lexicon.FILLER_KEYS.contains(word)
                    && !Lexicon.COUNTRY_KEYS.contains(word) && !Lexicon.NEGATION_FOLDS.contains(word)
                    && !Text.isAllDigits(word)) {
                content.add(word);
            }
            previous = word;
        }
        return new NameShape(List.copyOf(content), String.join("", content), Set.copyOf(all), honorific, office,
                claim, fan, Text.disguised(name));
    }

    boolean isEmpty() {
        return content.isEmpty();
    }

    /** Cheap pre-check before Jaro-Winkler: a typo keeps the length and the first or the last letter. */
    private static boolean typoOf(String a, String b) {
        int la = a.length();
        int lb = b.length();
        return Math.min(la, lb) >= 4 && Math.abs(la - lb) <= 2
                && (a.charAt(0) == b.charAt(0) || a.charAt(la - 1) == b.charAt(lb - 1));
    }

    /**
     * How much of {@code reference} this name carries, 0..1: each reference word found (Jaro-Winkler ≥ 0.88 on
     * keys) counts, each extra word of this name costs half a word unless it is one of {@code ignored} (the words
     * of the reference's titles, as in "Ministre de la Communication Jean-Baptiste Tchoumi Fotso"). Names written
     * glued together
     * ({@code MalachieManaouda}) are compared whole.
     */
    double similarityTo(NameShape reference, java.util.Set<String> ignored) {
        if (content.isEmpty() || reference.content.isEmpty()) {
            return 0;
        }
        if (joined.equals(reference.joined)) {
            return 1;
        }
        double matched = 0;
        int used = 0;
        for (String word : reference.content) {
            double best = 0;
            int bestIndex = -1;
            for (int i = 0; i < content.size(); i++) {
                if ((used & (1 << Math.min(i, 30))) != 0) {
                    continue;
                }
                String candidate = content.get(i);
                double similarity = candidate.equals(word) ? 1 : typoOf(candidate, word)
                        ? Similarity.jaroWinkler(candidate, word) : 0;
                if (similarity > best) {
                    best = similarity;
                    bestIndex = i;
                }
            }
            if (best >= 0.88) {
                matched += best;
                used |= 1 << Math.min(bestIndex, 30);
            }
        }
        int extra = 0;
        for (int i = 0; i < content.size(); i++) {
            if ((used & (1 << Math.min(i, 30))) == 0 && !ignored.contains(content.get(i))) {
                extra++;
            }
        }
        double tokens = matched / (reference.content.size() + 0.5 * extra);
        if (joined.length() >= 6 && reference.joined.length() >= 6
                && (content.size() == 1 || reference.content.size() == 1)) {
            double whole = Similarity.jaroWinkler(joined, reference.joined);
            if (whole >= 0.92) {
                tokens = Math.max(tokens, whole);
            }
        }
        return tokens;
    }
}
