package cm.vigie.watch.hoax;

/** What fact-checking concluded about a hoax. */
public enum Verdict {
    FALSE,
    MISLEADING,
    MANIPULATED_MEDIA,
    SATIRE,
    UNVERIFIED
}
