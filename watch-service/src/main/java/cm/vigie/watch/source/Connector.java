package cm.vigie.watch.source;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cm.vigie.commons.problem.FieldError;

/**
 * One kind of place mentions are collected from. Each implementation is a CDI bean ({@code @ApplicationScoped}); the
 * {@link Connectors} registry finds it by {@link #type()}, so adding a platform (X, TikTok, YouTube, Telegram) is
 * adding a class, with no change to sources, their API or their storage. See {@code docs/connectors.md}.
 *
 * <p>Two shapes exist:
 * <ul>
 * <li>{@link PollingConnector}: Vigie asks the platform on a schedule (RSS and Atom feeds, search APIs);</li>
 * <li>push connectors: the platform calls Vigie (Meta Pages webhooks). They implement this interface for validation and
 * expose their own public endpoint under {@code /api/watch/sources/{id}/...}, verify the caller there, and hand the
 * mentions to {@link SourceIngestion}.</li>
 * </ul>
 */
public interface Connector {

    /** The stable key stored with each source, in UPPER_SNAKE ({@code RSS}, {@code META_PAGE}, {@code X_SEARCH}). */
    String type();

    /** Whether Vigie polls this connector on a schedule ({@link PollingConnector}) or the platform pushes to it. */
    default boolean polled() {
        return this instanceof PollingConnector;
    }

    /**
     * Checks the settings of a source of this type when it is created or edited. Answers field errors whose message
     * is a message key (as {@link FieldError} carries before localisation); empty when valid.
     *
     * @param settings the settings as they will be stored; {@code secret} and {@code verifyToken} may be the ones kept
     *                 from before the edit
     */
    List<FieldError> validate(SourceSettings settings);

    /** For push connectors: the path the platform must call for this source. */
    default Optional<String> webhookPath(UUID sourceId) {
        return Optional.empty();
    }
}
