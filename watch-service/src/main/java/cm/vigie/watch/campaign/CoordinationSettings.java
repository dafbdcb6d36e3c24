package cm.vigie.watch.campaign;

import java.time.Duration;

/**
 * When posts of different accounts count as coordinated, and when a group of such accounts is a campaign.
 *
 * @param window         two posts sharing an object are coordinated when published at most this far apart (CooRTweet's
 *                       pairwise window, not fixed bins)
 * @param textSimilarity Jaccard similarity of word and bigram shingles above which two texts are the same text
 * @param minTextWords   shorter texts ("Bravo !") are never compared: everyone writes them
 * @param minLinkObjects a link shared by two accounts in the window links them only once they did it for this many
 *                       distinct links: one viral article shared by many is not coordination
 * @param minAccounts    a connected group of coordinated accounts is a campaign from this size
 * @param maxMedianGap   ... and when the median time between consecutive posts of one object is at most this
 * @param youngAccount   an account created less than this before its first coordinated post is young
 * @param horizon        coordination older than this (before the newest post seen) is forgotten
 */
public record CoordinationSettings(Duration window, double textSimilarity, int minTextWords, int minLinkObjects,
        int minAccounts, Duration maxMedianGap, Duration youngAccount, Duration horizon) {

    public static final CoordinationSettings DEFAULT = new CoordinationSettings(Duration.ofSeconds(120), 0.6, 6, 2, 5,
            Duration.ofSeconds(45), Duration.ofDays(30), Duration.ofHours(24));

    public CoordinationSettings {
        if (window.isNegative() || window.isZero() || horizon.compareTo(window) < 0) {
            throw new IllegalArgumentException("the window must be positive and within the horizon");
        }
        if (textSimilarity <= 0 || textSimilarity > 1 || minAccounts < 2 || minLinkObjects < 1 || minTextWords < 1) {
            throw new IllegalArgumentException("similarity in (0, 1], at least 2 accounts, 1 link and 1 word");
        }
    }
}
