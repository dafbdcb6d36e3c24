package cm.vigie.watch.source;

/**
 * What a polling connector remembers between polls of one source.
 *
 * @param etag         the last {@code ETag}, sent back as {@code If-None-Match}
 * @param lastModified the last {@code Last-Modified}, sent back as {@code If-Modified-Since}
 * @param position     anything else the connector needs (a since-id, a page token), opaque to the poller
 */
public record Cursor(String etag, String lastModified, String position) {

    public static final Cursor NONE = new Cursor(null, null, null);
}
