package cm.vigie.watch.matching;

import java.util.List;

/**
 * What the engine sees of a mention.
 *
 * @param text         the post's text (may be {@code null} or empty: only field filters can then match)
 * @param authorHandle the author's handle, with or without its leading {@code @} (may be {@code null})
 * @param platform     the platform code, e.g. {@code facebook}, {@code rss} (may be {@code null})
 * @param language     the language code, e.g. {@code fr} or {@code fr-CM}; only the primary subtag counts (may be {@code null})
 * @param domains      web domains the mention belongs to or links to, e.g. {@code www.crtv.cm}; the hosts of URLs
 *                     found in {@code text} are added by the engine (may be {@code null})
 */
public record MatchDocument(String text, String authorHandle, String platform, String language, List<String> domains) {

    public MatchDocument {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    /** A document with only a text. */
    public static MatchDocument ofText(String text) {
        return new MatchDocument(text, null, null, null, List.of());
    }
}
