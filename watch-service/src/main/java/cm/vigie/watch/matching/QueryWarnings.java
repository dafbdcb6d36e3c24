package cm.vigie.watch.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The warnings of a valid query: what makes it likely to match far more posts than intended. */
final class QueryWarnings {

    private QueryWarnings() {
    }

    static List<QueryWarning> of(Query query) {
        List<QueryWarning> warnings = new ArrayList<>();
        Anchors.Choice anchors = Anchors.of(query);
        if (anchors == null) {
            warnings.add(new QueryWarning("NOT_ONLY",
                    "This query (or one of its OR alternatives) only says what must be absent: it matches every post without those words.",
                    "Cette requête (ou l'une de ses alternatives OR) ne dit que ce qui doit être absent : elle retient toutes les publications sans ces mots."));
        } else {
            Set<String> broad = new LinkedHashSet<>();
            Set<String> filters = new LinkedHashSet<>();
            for (Anchors.Key key : anchors.keys()) {
                if (key.kind() == Anchors.Kind.TERM && Anchors.isBroad(key.value())) {
                    broad.add(key.value());
                } else if (key.kind() == Anchors.Kind.FIELD
                        && (key.value().startsWith("platform:") || key.value().startsWith("lang:"))) {
                    filters.add(key.value());
                }
            }
            if (!broad.isEmpty()) {
                String words = String.join(", ", broad);
                warnings.add(new QueryWarning("BROAD_TERM",
                        "Too broad: the very common or very short word(s) " + words
                                + " can match on their own; add a more specific word with AND.",
                        "Trop large : le ou les mots très courants ou très courts " + words
                                + " peuvent suffire à retenir une publication ; ajoutez un mot plus précis avec AND."));
            }
            if (!filters.isEmpty()) {
                String names = String.join(", ", filters);
                warnings.add(new QueryWarning("FILTER_ONLY",
                        "Too broad: " + names + " alone matches every post of that platform or language; add words.",
                        "Trop large : " + names + " seul retient toutes les publications de cette plateforme ou langue ; ajoutez des mots."));
            }
        }
        Set<String> shortPrefixes = new LinkedHashSet<>();
        collectShortPrefixes(query, shortPrefixes);
        if (!shortPrefixes.isEmpty()) {
            String prefixes = String.join(", ", shortPrefixes);
            warnings.add(new QueryWarning("SHORT_PREFIX",
                    "Too broad: the wildcard(s) " + prefixes + " have fewer than 3 letters and match a great many words.",
                    "Trop large : le ou les jokers " + prefixes + " ont moins de 3 lettres et correspondent à énormément de mots."));
        }
        return warnings;
    }

    private static void collectShortPrefixes(Query query, Set<String> out) {
        switch (query) {
            case Query.Prefix prefix -> {
                if (prefix.prefix().length() < Anchors.PREFIX_KEY) {
                    out.add(prefix.print());
                }
            }
            case Query.Near near -> {
                collectShortPrefixes(near.left(), out);
                collectShortPrefixes(near.right(), out);
            }
            case Query.And and -> and.clauses().forEach(c -> collectShortPrefixes(c, out));
            case Query.Or or -> or.clauses().forEach(c -> collectShortPrefixes(c, out));
            case Query.Not not -> collectShortPrefixes(not.clause(), out);
            default -> {
            }
        }
    }
}
