package cm.vigie.watch.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import cm.vigie.watch.hoax.similarity.NearDuplicateIndex;
import cm.vigie.watch.hoax.similarity.Shingles;

/**
 * What the institution itself published: its statements and its domains. Citizens relaying an official statement
 * word for word, or sharing the ministry's own page, behave like a campaign and are not one, so such texts and links
 * never count as coordination objects (the allow-list the literature suggests: the official source published first).
 */
public final class OfficialContent {

    public static final OfficialContent NONE = new OfficialContent(List.of(), List.of());

    private static final double QUOTE_SIMILARITY = 0.5;

    private final NearDuplicateIndex<Integer> statements;
    private final Set<String> domains;

    public OfficialContent(Collection<String> statements, Collection<String> domains) {
        NearDuplicateIndex.Builder<Integer> builder = NearDuplicateIndex.builder(
                NearDuplicateIndex.Settings.DEFAULT.withThreshold(QUOTE_SIMILARITY));
        int key = 0;
        for (String statement : statements) {
            builder.add(key++, statement);
        }
        this.statements = builder.build();
        this.domains = domains.stream().map(domain -> domain.strip().toLowerCase(Locale.ROOT))
                .map(domain -> domain.startsWith("www.") ? domain.substring(4) : domain)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the text restates or quotes one of the institution's statements. */
    public boolean quotes(Shingles text) {
        return statements.size() > 0 && !statements.query(text).isEmpty();
    }

    /** Whether a link key ({@link SharedLinks#key}) points to one of the institution's domains or their subdomains. */
    public boolean owns(String linkKey) {
        String host = SharedLinks.host(linkKey);
        for (String domain : domains) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }
}
