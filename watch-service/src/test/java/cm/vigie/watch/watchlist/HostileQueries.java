package cm.vigie.watch.watchlist;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated watchlist queries, well-formed and hostile alike: grammar-shaped queries, the same with damage,
 * operator soup, random Unicode (lone surrogates and control characters included), deep nesting far beyond the
 * parser's limit, very long input, and injection strings. Shared by the engine-level property and the HTTP sample.
 */
final class HostileQueries {

    private static final List<String> WORDS = List.of("vaccin", "Hôpital", "l'école", "SANTÉ", "covid-19", "and", "or",
            "near", "naïve", "œuvre", "x2", "yaoundé", "مرحبا", "疫苗", "💉");
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE watchlist; --",
            "\" OR 1=1 --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://x/a}",
            "%s%s%s%n", "../../etc/passwd", "\\u0000", "\u0000", "\uD800", "\uDFFF", "{{7*7}}", "#{7*7}",
            "author:' OR 1=1", "domain:javascript:alert(1)", "lang:'--", "NEAR/999999999999", "NEAR/-1");

    private HostileQueries() {
    }

    static Arbitrary<String> all() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, query(3)),
                Tuple.of(3, damaged()),
                Tuple.of(3, noise()),
                Tuple.of(2, injected()),
                Tuple.of(1, nested()),
                Tuple.of(1, long_()));
    }

    private static Arbitrary<String> word() {
        return Arbitraries.oneOf(Arbitraries.of(WORDS),
                Arbitraries.strings().withCharRange('a', 'z').withChars('é', 'ç', 'É', 'ß').ofMinLength(1).ofMaxLength(8));
    }

    private static Arbitrary<String> positional() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, word()),
                Tuple.of(2, word().list().ofMinSize(1).ofMaxSize(4).map(ws -> "\"" + String.join(" ", ws) + "\"")),
                Tuple.of(1, word().map(w -> w + "*")),
                Tuple.of(1, word().map(w -> "#" + w)),
                Tuple.of(1, word().map(w -> "@" + w)),
                Tuple.of(1, Arbitraries.of("author:MinSanté", "platform:Facebook", "platform:Myspace", "lang:fr-CM",
                        "lang:", "domain:www.crtv.cm", "unknown:field", "author:")));
    }

    private static Arbitrary<String> query(int depth) {
        Arbitrary<String> leaf = positional();
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> sub = Arbitraries.lazy(() -> query(depth - 1));
        Arbitrary<String> operand = Arbitraries.oneOf(leaf, sub.map(q -> "(" + q + ")"));
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(2, Combinators.combine(operand, operand).as((a, b) -> a + " AND " + b)),
                Tuple.of(2, Combinators.combine(operand, operand).as((a, b) -> a + " " + b)),
                Tuple.of(2, Combinators.combine(operand, operand).as((a, b) -> a + " OR " + b)),
                Tuple.of(1, operand.map(a -> "NOT " + a)),
                Tuple.of(1, Combinators.combine(positional(), positional(), Arbitraries.integers().between(-5, 200))
                        .as((a, b, n) -> a + " NEAR/" + n + " " + b)));
    }

    private static Arbitrary<String> damaged() {
        return Combinators.combine(query(3), Arbitraries.integers().between(0, 1_000),
                        Arbitraries.of("(", ")", "\"", "*", "AND ", " OR", "NOT", "NEAR/3", ":", "#", "@", "", "\u0000", "\uD83D"))
                .as((query, at, insert) -> {
                    int cut = at % (query.length() + 1);
                    return query.substring(0, cut) + insert + query.substring(Math.min(query.length(), cut + (at % 3)));
                });
    }

    private static Arbitrary<String> noise() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars("()\"*#@:/ -'’«»ANDORTNEA0123456789éx💉\t\n\r\u0000").ofMaxLength(80),
                Arbitraries.of("AND", "OR", "NOT", "NEAR/", "NEAR/2", "(", ")", "\"", "*", "#", "@", "author:", "x", "é", " ")
                        .list().ofMaxSize(30).map(parts -> String.join(" ", parts)));
    }

    private static Arbitrary<String> injected() {
        return Combinators.combine(query(2), Arbitraries.of(INJECTIONS), Arbitraries.integers().between(0, 2))
                .as((query, injection, where) -> switch (where) {
                    case 0 -> injection;
                    case 1 -> query + " " + injection;
                    default -> "\"" + injection + "\" OR " + query;
                });
    }

    /** Parentheses or NOTs nested up to 2,000 deep, closed or not. */
    private static Arbitrary<String> nested() {
        return Combinators.combine(Arbitraries.integers().between(1, 2_000), Arbitraries.of("(", "NOT ", "NOT ("),
                        Arbitraries.of(true, false))
                .as((depth, open, closed) -> open.repeat(depth) + "vaccin"
                        + (closed ? (open.contains("(") ? ")".repeat(depth) : "") : ""));
    }

    /** Long input around the request limit (4,000) and the parser's (10,000), and many clauses. */
    private static Arbitrary<String> long_() {
        return Combinators.combine(Arbitraries.of(3_999, 4_000, 4_001, 9_999, 10_001, 50_000), Arbitraries.of("a", "vaccin ", "é", "💉", "a OR "))
                .as((length, unit) -> unit.repeat(length / unit.length() + 1).substring(0, length));
    }
}
