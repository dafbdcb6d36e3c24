package cm.vigie.watch.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Properties of the parser: printing round-trips, and no input makes it throw. */
class QueryParserProperties {

    private static final String[] WORDS = {
            "vaccin", "Hôpital", "l'école", "SANTÉ", "covid-19", "and", "or", "near", "naïve", "œuvre", "x2", "yaoundé"};

    @Property(tries = 2_000)
    void printingAndReparsingGivesTheSameTree(@ForAll("queries") String text) {
        ParseResult first = QueryParser.parse(text);
        assertTrue(first.valid(), () -> text + " -> " + first.errors());
        String printed = first.query().print();
        ParseResult second = QueryParser.parse(printed);
        assertTrue(second.valid(), () -> printed + " -> " + second.errors());
        assertEquals(first.query(), second.query(), printed);
        assertEquals(printed, second.query().print());
        assertEquals(first.warnings(), second.warnings());
    }

    @Property(tries = 3_000)
    void anyInputGivesAQueryOrPositionedErrorsNeverAnException(@ForAll("noise") String text) {
        check(text);
    }

    @Property(tries = 2_000)
    void damagedQueriesGiveAQueryOrPositionedErrors(@ForAll("damaged") String text) {
        check(text);
    }

    private static void check(String text) {
        ParseResult result = QueryParser.parse(text);
        if (result.valid()) {
            assertNotNull(result.query());
            assertEquals(result.query(), QueryParser.parse(result.query().print()).query());
        } else {
            assertNull(result.query());
            for (QueryError error : result.errors()) {
                assertTrue(error.position() >= 0 && error.position() <= text.length(), error::toString);
                assertTrue(!error.code().isBlank() && !error.messageEn().isBlank() && !error.messageFr().isBlank());
            }
        }
    }

    @Provide
    Arbitrary<String> queries() {
        return query(3);
    }

    private Arbitrary<String> query(int depth) {
        Arbitrary<String> leaf = leaf();
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> sub = Arbitraries.lazy(() -> query(depth - 1));
        Arbitrary<String> group = sub.map(q -> "(" + q + ")");
        Arbitrary<String> operand = Arbitraries.oneOf(leaf, group);
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(2, Combinators.combine(operand, operand).as((a, b) -> a + " AND " + b)),
                Tuple.of(2, Combinators.combine(operand, operand).as((a, b) -> a + " " + b)),
                Tuple.of(2, Combinators.combine(operand, operand).as((a, b) -> a + " OR " + b)),
                Tuple.of(1, operand.map(a -> "NOT " + a)),
                Tuple.of(1, Combinators.combine(positional(), positional(), Arbitraries.integers().between(0, 100))
                        .as((a, b, n) -> a + " NEAR/" + n + " " + b)));
    }

    private Arbitrary<String> word() {
        return Arbitraries.oneOf(Arbitraries.of(WORDS),
                Arbitraries.strings().withCharRange('a', 'z').withChars('é', 'ç', 'É', 'ß').ofMinLength(1).ofMaxLength(8)
                        .filter(w -> Character.isLetter(w.charAt(0))));
    }

    private Arbitrary<String> positional() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, word()),
                Tuple.of(2, word().list().ofMinSize(1).ofMaxSize(4).map(ws -> "\"" + String.join(" ", ws) + "\"")),
                Tuple.of(1, word().map(w -> w.replaceAll("[^\\p{L}]", "") + "*").filter(w -> w.length() > 1)),
                Tuple.of(1, word().map(w -> "#" + w)),
                Tuple.of(1, word().map(w -> "@" + w)));
    }

    private Arbitrary<String> leaf() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, positional()),
                Tuple.of(1, Arbitraries.of("author:MinSanté", "author:@crtv_web", "platform:Facebook", "lang:fr-CM",
                        "lang:EN", "domain:www.crtv.cm", "domain:https://news.crtv.cm/x")));
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("()\"*#@:/ -'’«»ANDORTNEA0123456789éx💉").ofMaxLength(60),
                Arbitraries.of("AND", "OR", "NOT", "NEAR/", "NEAR/2", "(", ")", "\"", "*", "#", "@", "author:", "x", "é", " ")
                        .list().ofMaxSize(20).map(parts -> String.join(" ", parts)));
    }

    @Provide
    Arbitrary<String> damaged() {
        return Combinators.combine(queries(), Arbitraries.integers().between(0, 1_000),
                        Arbitraries.of("(", ")", "\"", "*", "AND ", " OR", "NOT", "NEAR/3", ":", "#", "@", ""))
                .as((query, at, insert) -> {
                    int cut = at % (query.length() + 1);
                    return query.substring(0, cut) + insert + query.substring(Math.min(query.length(), cut + (at % 3)));
                });
    }
}
