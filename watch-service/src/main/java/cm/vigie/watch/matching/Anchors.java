package cm.vigie.watch.matching;

import cm.vigie.watch.matching.Query.FieldName;
import cm.vigie.watch.matching.analysis.CommonWords;
import java.util.ArrayList;
import java.util.List;

/**
 * The anchor keys of a query: a set of keys such that every document the query matches holds at least one of
 * them. Among several valid sets (one per clause of an AND), the cheapest by a rarity estimate is kept, so that
 * the query is looked at by as few documents as possible. A query without anchors (one that can match by the
 * absence of words, e.g. {@code NOT x} or {@code a OR NOT b}) must be evaluated against every document.
 */
final class Anchors {

    enum Kind { TERM, PREFIX, FIELD }

    /** A key: a term (with its {@code #}/{@code @} sign if any), a prefix of at most {@link #PREFIX_KEY} letters, or a field value. */
    record Key(Kind kind, String value) {
    }

    record Choice(List<Key> keys, int cost) {
    }

    /** Prefix queries are indexed under their first letters, at most this many. */
    static final int PREFIX_KEY = 3;

    private Anchors() {
    }

    /** The cheapest anchor set of {@code query}, or {@code null} when it has none. */
    static Choice of(Query query) {
        return switch (query) {
            case Query.Term term -> new Choice(List.of(new Key(Kind.TERM, term.word())), termCost(term.word()));
            case Query.Hashtag tag -> new Choice(List.of(new Key(Kind.TERM, '#' + tag.tag())), 2);
            case Query.Mention mention -> new Choice(List.of(new Key(Kind.TERM, '@' + mention.handle())), 2);
            case Query.Prefix prefix -> new Choice(List.of(prefixKey(prefix.prefix())), prefixCost(prefix.prefix()));
            case Query.Phrase phrase -> {
                Choice best = null;
                for (String word : phrase.words()) {
                    best = cheaper(best, of(single(word)));
                }
                yield best;
            }
            case Query.Near near -> cheaper(of(near.left()), of(near.right()));
            case Query.Field field -> new Choice(List.of(fieldKey(field.field(), field.value())), fieldCost(field.field()));
            case Query.And and -> {
                Choice best = null;
                for (Query clause : and.clauses()) {
                    best = cheaper(best, of(clause));
                }
                yield best;
            }
            case Query.Or or -> {
                List<Key> keys = new ArrayList<>();
                int cost = 0;
                for (Query clause : or.clauses()) {
                    Choice choice = of(clause);
                    if (choice == null) {
                        yield null;
                    }
                    for (Key key : choice.keys()) {
                        if (!keys.contains(key)) {
                            keys.add(key);
                        }
                    }
                    cost += choice.cost();
                }
                yield new Choice(keys, cost);
            }
            case Query.Not ignored -> null;
        };
    }

    static Key prefixKey(String prefix) {
        return new Key(Kind.PREFIX, prefix.substring(0, Math.min(PREFIX_KEY, prefix.length())));
    }

    static Key fieldKey(FieldName field, String value) {
        return new Key(Kind.FIELD, field.keyword() + ':' + value);
    }

    /** {@code true} for a word that alone matches a large share of posts. */
    static boolean isBroad(String word) {
        return word.length() < 3 || CommonWords.isCommon(word);
    }

    private static Query single(String word) {
        return switch (word.charAt(0)) {
            case '#' -> new Query.Hashtag(word.substring(1));
            case '@' -> new Query.Mention(word.substring(1));
            default -> new Query.Term(word);
        };
    }

    private static int termCost(String word) {
        return isBroad(word) ? 100 : Math.max(1, 12 - word.length());
    }

    private static int prefixCost(String prefix) {
        return prefix.length() < PREFIX_KEY ? 300 : Math.max(3, 20 - 2 * prefix.length());
    }

    private static int fieldCost(FieldName field) {
        return switch (field) {
            case AUTHOR -> 2;
            case DOMAIN -> 3;
            case PLATFORM, LANG -> 500;
        };
    }

    private static Choice cheaper(Choice a, Choice b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.cost() < a.cost() ? b : a;
    }
}
