package cm.vigie.watch.source;

/**
 * A connector Vigie polls on the source's schedule. The poller calls {@link #fetch} from a worker thread, outside any
 * request or transaction, with the cursor the previous successful fetch returned; it ingests what comes back for the
 * source's institution, stores the new cursor and records the source's status. Failures are thrown as
 * {@link ConnectorException}: the poller records the message and backs off (exponentially, or as long as the
 * platform's {@code Retry-After} asks).
 *
 * <p>Implementations keep no per-source state of their own: everything needed between polls goes in the
 * {@link Cursor} (conditional-GET validators, a since-id or page token).
 */
public interface PollingConnector extends Connector {

    /**
     * Fetches what the source published since the cursor.
     *
     * @return the mentions found (already in Vigie's ingest shape; repeats are fine, ingestion stores each once) and
     *         the cursor for the next poll; {@link Fetch#notModified(Cursor)} when the platform said nothing changed
     * @throws ConnectorException when the source cannot be read or parsed
     */
    Fetch fetch(SourceSettings settings, Cursor cursor) throws ConnectorException;
}
