package cm.vigie.watch.hoax.similarity;

/**
 * How close a text is to a claim, in [0, 1]. The larger of the Jaccard similarity of their shingle sets (the
 * same statement, words changed or reordered) and how much of the claim the text contains (the claim quoted inside
 * a longer post), the latter slightly discounted so that an exact restatement still ranks first.
 */
public final class Similarity {

    static final double CONTAINMENT_WEIGHT = 0.9;

    private Similarity() {
    }

    public static double score(Shingles claim, Shingles text) {
        if (claim.isEmpty() || text.isEmpty()) {
            return 0;
        }
        int common = claim.intersection(text);
        double jaccard = (double) common / (claim.size() + text.size() - common);
        double containment = (double) common / claim.size();
        return Math.max(jaccard, CONTAINMENT_WEIGHT * containment);
    }
}
