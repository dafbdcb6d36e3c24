package cm.vigie.watch.sentiment;

/** The tone of a mention, stored as -1, 0 or 1 in {@code mention.sentiment}. */
public enum Sentiment {
    NEGATIVE(-1), NEUTRAL(0), POSITIVE(1);

    private final short code;

    Sentiment(int code) {
        this.code = (short) code;
    }

    public short code() {
        return code;
    }

    public static Sentiment ofCode(short code) {
        return code < 0 ? NEGATIVE : code > 0 ? POSITIVE : NEUTRAL;
    }
}
