package cm.vigie.watch.matching;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed watchlist query: an immutable tree of the node records below, obtained from {@link QueryParser#parse(String)}.
 * Words are stored normalised (lower case, accents removed, elisions dropped), so two queries that differ only in
 * case, accents or redundant parentheses are {@code equals}. See {@code docs/query-language.md} for the language.
 */
public sealed interface Query
        permits Query.Positional, Query.Field, Query.And, Query.Or, Query.Not, Query.Near {

    /** Canonical text of this query: parsing it again gives a tree {@code equals} to this one. */
    String print();

    /** A node that stands for words at positions in the text, hence usable on each side of {@code NEAR/n}. */
    sealed interface Positional extends Query permits Term, Phrase, Prefix, Hashtag, Mention {
    }

    /** One normalised word, e.g. {@code hopital}. Also matches the word inside a hashtag or mention ({@code #hopital}). */
    record Term(String word) implements Positional {
        public Term {
            Objects.requireNonNull(word);
        }

        @Override
        public String print() {
            return word;
        }
    }

    /** Consecutive normalised words, e.g. {@code "centre pasteur"}; a word may be a hashtag or mention token. */
    record Phrase(List<String> words) implements Positional {
        public Phrase {
            words = List.copyOf(words);
        }

        @Override
        public String print() {
            return '"' + String.join(" ", words) + '"';
        }
    }

    /** Any word starting with the normalised prefix, e.g. {@code vaccin*}. */
    record Prefix(String prefix) implements Positional {
        public Prefix {
            Objects.requireNonNull(prefix);
        }

        @Override
        public String print() {
            return prefix + '*';
        }
    }

    /** The hashtag {@code #tag} (stored without {@code #}); does not match the bare word {@code tag}. */
    record Hashtag(String tag) implements Positional {
        public Hashtag {
            Objects.requireNonNull(tag);
        }

        @Override
        public String print() {
            return '#' + tag;
        }
    }

    /** The mention {@code @handle} in the text (stored without {@code @}); does not match the bare word. */
    record Mention(String handle) implements Positional {
        public Mention {
            Objects.requireNonNull(handle);
        }

        @Override
        public String print() {
            return '@' + handle;
        }
    }

    /** The fields a filter can test; their names in the language are {@link #keyword()}. */
    enum FieldName {
        /** The author's handle, without {@code @}. */
        AUTHOR,
        /** The platform code. */
        PLATFORM,
        /** The primary language subtag. */
        LANG,
        /** A domain of the document or of a URL in its text; {@code domain:x.cm} also matches {@code news.x.cm}. */
        DOMAIN;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A filter on the document's metadata, e.g. {@code platform:facebook}; the value is normalised. */
    record Field(FieldName field, String value) implements Query {
        public Field {
            Objects.requireNonNull(field);
            Objects.requireNonNull(value);
        }

        @Override
        public String print() {
            return field.keyword() + ':' + value;
        }
    }

    /** All clauses match; a {@link Not} clause must not match. At least two clauses, none of them an {@code And}. */
    record And(List<Query> clauses) implements Query {
        public And {
            clauses = List.copyOf(clauses);
        }

        @Override
        public String print() {
            return clauses.stream().map(Query::printOperand).collect(Collectors.joining(" AND "));
        }
    }

    /** At least one clause matches. At least two clauses, none of them an {@code Or}. */
    record Or(List<Query> clauses) implements Query {
        public Or {
            clauses = List.copyOf(clauses);
        }

        @Override
        public String print() {
            return clauses.stream().map(Query::printOperand).collect(Collectors.joining(" OR "));
        }
    }

    /** The clause does not match. */
    record Not(Query clause) implements Query {
        public Not {
            Objects.requireNonNull(clause);
        }

        @Override
        public String print() {
            return "NOT " + printOperand(clause);
        }
    }

    /**
     * Both sides occur with at most {@code distance} other words between them, in either order
     * (the same semantics as Lucene's unordered {@code SpanNearQuery} with slop {@code distance}).
     */
    record Near(Positional left, Positional right, int distance) implements Query {
        public Near {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }

        @Override
        public String print() {
            return left.print() + " NEAR/" + distance + ' ' + right.print();
        }
    }

    private static String printOperand(Query query) {
        return switch (query) {
            case And and -> '(' + and.print() + ')';
            case Or or -> '(' + or.print() + ')';
            case Near near -> '(' + near.print() + ')';
            default -> query.print();
        };
    }
}
