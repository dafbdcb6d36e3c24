package cm.vigie.watch.matching;

import cm.vigie.watch.matching.Query.FieldName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A query tree turned into objects that test a {@link DocumentView} by a virtual call each, with the words resolved
 * once (signed forms built, arrays instead of lists) and the clauses of an AND ordered cheapest first. Same semantics
 * as {@link DocumentView#matches(Query)}, which the highlights keep using on the tree.
 */
abstract sealed class CompiledQuery {

    abstract boolean test(DocumentView view);

    /** Rough cost of {@link #test}, to try cheap clauses of an AND first. */
    abstract int cost();

    /**
     * Gives each distinct word of the compiled queries a small number, so that a document can mark the words it has
     * in a bit set once and each word test is a bit test instead of a hash lookup.
     */
    static final class Dictionary {
        private final Map<String, Integer> ids = new HashMap<>();

        int id(String term) {
            return ids.computeIfAbsent(term, t -> ids.size());
        }

        /** The frozen word → number map. */
        Map<String, Integer> ids() {
            return new HashMap<>(ids);
        }
    }

    /** Compiled without a dictionary: word tests look the word up in the document. */
    static CompiledQuery of(Query query) {
        return of(query, null);
    }

    static CompiledQuery of(Query query, Dictionary dictionary) {
        return switch (query) {
            case Query.Term term -> new HasTerm(term.word(), dictionary);
            case Query.Hashtag tag -> new HasTerm('#' + tag.tag(), dictionary);
            case Query.Mention mention -> new HasTerm('@' + mention.handle(), dictionary);
            case Query.Prefix prefix -> new HasPrefix(prefix.prefix());
            case Query.Phrase phrase -> new HasPhrase(phrase, dictionary);
            case Query.Near near -> new IsNear(near);
            case Query.Field field -> new HasField(field.field(), field.value());
            case Query.And and -> {
                List<CompiledQuery> clauses = new ArrayList<>();
                and.clauses().forEach(clause -> clauses.add(of(clause, dictionary)));
                clauses.sort(Comparator.comparingInt(CompiledQuery::cost));
                yield new All(clauses.toArray(CompiledQuery[]::new));
            }
            case Query.Or or -> {
                List<CompiledQuery> clauses = new ArrayList<>();
                or.clauses().forEach(clause -> clauses.add(of(clause, dictionary)));
                clauses.sort(Comparator.comparingInt(CompiledQuery::cost));
                yield new Any(clauses.toArray(CompiledQuery[]::new));
            }
            case Query.Not not -> new None(of(not.clause(), dictionary));
        };
    }

    static final class HasTerm extends CompiledQuery {
        private final String term;
        private final int id;

        HasTerm(String term, Dictionary dictionary) {
            this.term = term;
            this.id = dictionary == null ? -1 : dictionary.id(term);
        }

        @Override
        boolean test(DocumentView view) {
            return id >= 0 ? view.has(id) : view.has(term);
        }

        @Override
        int cost() {
            return 1;
        }
    }

    static final class HasPrefix extends CompiledQuery {
        private final String prefix;

        HasPrefix(String prefix) {
            this.prefix = prefix;
        }

        @Override
        boolean test(DocumentView view) {
            return view.hasPrefix(prefix);
        }

        @Override
        int cost() {
            return 3;
        }
    }

    static final class HasPhrase extends CompiledQuery {
        private final String[] words;
        private final int[] ids;

        HasPhrase(Query.Phrase phrase, Dictionary dictionary) {
            words = phrase.words().toArray(String[]::new);
            ids = dictionary == null ? null : Arrays.stream(words).mapToInt(dictionary::id).toArray();
        }

        @Override
        boolean test(DocumentView view) {
            if (ids != null) {
                for (int id : ids) {
                    if (!view.has(id)) {
                        return false;
                    }
                }
            }
            return view.hasPhrase(words);
        }

        @Override
        int cost() {
            return 2 + words.length;
        }
    }

    static final class IsNear extends CompiledQuery {
        private final Query.Near near;

        IsNear(Query.Near near) {
            this.near = near;
        }

        @Override
        boolean test(DocumentView view) {
            return view.matches(near);
        }

        @Override
        int cost() {
            return 10;
        }
    }

    static final class HasField extends CompiledQuery {
        private final FieldName field;
        private final String value;

        HasField(FieldName field, String value) {
            this.field = field;
            this.value = value;
        }

        @Override
        boolean test(DocumentView view) {
            return view.hasField(field, value);
        }

        @Override
        int cost() {
            return 1;
        }
    }

    static final class All extends CompiledQuery {
        private final CompiledQuery[] clauses;

        All(CompiledQuery[] clauses) {
            this.clauses = clauses;
        }

        @Override
        boolean test(DocumentView view) {
            for (CompiledQuery clause : clauses) {
                if (!clause.test(view)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        int cost() {
            return Arrays.stream(clauses).mapToInt(CompiledQuery::cost).sum();
        }
    }

    static final class Any extends CompiledQuery {
        private final CompiledQuery[] clauses;

        Any(CompiledQuery[] clauses) {
            this.clauses = clauses;
        }

        @Override
        boolean test(DocumentView view) {
            for (CompiledQuery clause : clauses) {
                if (clause.test(view)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        int cost() {
            return Arrays.stream(clauses).mapToInt(CompiledQuery::cost).sum();
        }
    }

    static final class None extends CompiledQuery {
        private final CompiledQuery clause;

        None(CompiledQuery clause) {
            this.clause = clause;
        }

        @Override
        boolean test(DocumentView view) {
            return !clause.test(view);
        }

        @Override
        int cost() {
            return clause.cost();
        }
    }
}
