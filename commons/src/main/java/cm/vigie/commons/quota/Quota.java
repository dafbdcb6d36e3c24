package cm.vigie.commons.quota;

/**
 * What an institution may hold or run, bounded per institution (see docs/adr/0027-institution-quotas.md). A count
 * quota bounds what exists (over it: 422); a concurrency quota bounds what runs at once (over it: 429).
 */
public enum Quota {
    WATCHLISTS("watchlists", Kind.COUNT),
    HOAXES("hoaxes", Kind.COUNT),
    SOURCES("sources", Kind.COUNT),
    WEBHOOKS("webhooks", Kind.COUNT),
    PROTECTED_PERSONS("protectedPersons", Kind.COUNT),
    ALERT_STREAMS("alertStreams", Kind.CONCURRENCY),
    ALERT_STREAMS_PER_USER("alertStreamsPerUser", Kind.CONCURRENCY),
    RUNNING_EXERCISES("runningExercises", Kind.CONCURRENCY);

    public enum Kind {
        COUNT,
        CONCURRENCY
    }

    private final String key;
    private final Kind kind;

    Quota(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    /** The name clients see: in the quotas API and in the {@code quota} member of a problem. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }
}
