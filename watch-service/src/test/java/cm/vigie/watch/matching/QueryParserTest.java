package cm.vigie.watch.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cm.vigie.watch.matching.Query.And;
import cm.vigie.watch.matching.Query.Field;
import cm.vigie.watch.matching.Query.FieldName;
import cm.vigie.watch.matching.Query.Hashtag;
import cm.vigie.watch.matching.Query.Mention;
import cm.vigie.watch.matching.Query.Near;
import cm.vigie.watch.matching.Query.Not;
import cm.vigie.watch.matching.Query.Or;
import cm.vigie.watch.matching.Query.Phrase;
import cm.vigie.watch.matching.Query.Prefix;
import cm.vigie.watch.matching.Query.Term;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    private static Query parse(String text) {
        ParseResult result = QueryParser.parse(text);
        assertTrue(result.valid(), () -> text + " -> " + result.errors());
        return result.query();
    }

    private static QueryError error(String text) {
        ParseResult result = QueryParser.parse(text);
        assertTrue(!result.valid(), () -> text + " parsed as " + result.query());
        assertNull(result.query());
        assertEquals(1, result.errors().size());
        return result.errors().get(0);
    }

    private static List<String> warnings(String text) {
        return QueryParser.parse(text).warnings().stream().map(QueryWarning::code).toList();
    }

    @Test
    void operatorsAndPrecedence() {
        // NOT binds tighter than NEAR's neighbours, then AND (also implicit), then OR
        assertEquals(new Or(List.of(
                        new And(List.of(new Term("vaccin"), new Not(new Term("rumeur")))),
                        new Near(new Phrase(List.of("centre", "pasteur")), new Prefix("hopit"), 3))),
                parse("Vaccin NOT rumeur OR \"Centre Pasteur\" NEAR/3 l'hôpit*"));
        assertEquals(new And(List.of(new Term("a1"), new Or(List.of(new Term("b1"), new Term("c1"))), new Term("d1"))),
                parse("a1 AND (b1 OR c1) d1"));
    }

    @Test
    void nestedGroupsOfTheSameOperatorAreFlattened() {
        assertEquals(parse("aa bb cc dd"), parse("(aa AND (bb cc)) AND dd"));
        assertEquals(parse("aa OR bb OR cc"), parse("((aa OR bb)) OR cc"));
    }

    @Test
    void wordsAreNormalisedLikeTheText() {
        assertEquals(new Term("hopital"), parse("L'HÔPITAL"));
        assertEquals(new Phrase(List.of("covid", "19")), parse("covid-19"));
        assertEquals(new Hashtag("vaccin"), parse("#Vaccin"));
        assertEquals(new Mention("minsante_cm"), parse("@MinSante_CM"));
        assertEquals(new Phrase(List.of("#covid", "19")), parse("#covid-19"));
        assertEquals(new Term("and"), parse("and"));
        assertEquals(new Term("vaccin"), parse("« vaccin »"));
    }

    @Test
    void fieldFilters() {
        assertEquals(new And(List.of(
                        new Field(FieldName.AUTHOR, "minsante"), new Field(FieldName.PLATFORM, "facebook"),
                        new Field(FieldName.LANG, "fr"), new Field(FieldName.DOMAIN, "crtv.cm"))),
                parse("author:@MinSante platform:Facebook lang:fr-CM domain:https://www.crtv.cm/x"));
    }

    @Test
    void printIsCanonicalAndReparses() {
        String text = "(vaccin OR vaccination) NOT (rumeur OR \"fake news\") #santé @minsante author:x lang:en "
                + "(\"centre pasteur\" NEAR/2 hop*) NOT NOT z9";
        Query query = parse(text);
        assertEquals("(vaccin OR vaccination) AND NOT (rumeur OR \"fake news\") AND #sante AND @minsante AND author:x"
                + " AND lang:en AND (\"centre pasteur\" NEAR/2 hop*) AND NOT NOT z9", query.print());
        assertEquals(query, parse(query.print()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|0|EMPTY_QUERY",
            "vaccin AND|10|MISSING_OPERAND",
            "OR vaccin|0|MISSING_OPERAND",
            "vaccin AND OR rumeur|11|MISSING_OPERAND",
            "(vaccin OR rumeur|0|UNCLOSED_PARENTHESIS",
            "vaccin) rumeur|6|UNEXPECTED_CLOSING_PARENTHESIS",
            "vaccin ()|7|EMPTY_GROUP",
            "say \"hello|4|UNTERMINATED_PHRASE",
            "vaccin \"  !! \"|7|EMPTY_PHRASE",
            "vac*cin|3|INVALID_WILDCARD",
            "x *|2|BARE_WILDCARD",
            "\"a b\"* c|5|BARE_WILDCARD",
            "vaccin NEAR hopital|7|INVALID_NEAR",
            "vaccin NEAR/500 hopital|7|INVALID_NEAR",
            "(a OR b) NEAR/2 c|0|NEAR_OPERAND",
            "a NEAR/2 b NEAR/2 c|11|NEAR_CHAIN",
            "a NEAR/2 NOT b|9|MISSING_OPERAND",
            "foo:bar|0|UNKNOWN_FIELD",
            "author:|7|EMPTY_FIELD_VALUE",
            "domain:cm|7|INVALID_FIELD_VALUE",
            "author:min*|10|INVALID_WILDCARD",
            "vaccin -rumeur|7|DASH_NEGATION",
            "💉💉|0|NO_SEARCHABLE_TEXT",
            "www.crtv.cm|0|NO_SEARCHABLE_TEXT",
    })
    void errorsCarryTheirPositionAndBothLanguages(String text, int position, String code) {
        QueryError error = error(text);
        assertEquals(code, error.code(), error::toString);
        assertEquals(position, error.position(), error::toString);
        assertTrue(error.messageEn().contains("position " + position), error::messageEn);
        assertTrue(error.messageFr().contains("position " + position), error::messageFr);
        assertTrue(!error.messageEn().equals(error.messageFr()));
    }

    @Test
    void firstNestedErrorWinsAndDepthIsBounded() {
        assertEquals("TOO_DEEP", error("(".repeat(100) + "a" + ")".repeat(100)).code());
        assertEquals("TOO_DEEP", error("NOT ".repeat(100) + "a").code());
        assertEquals("QUERY_TOO_LONG", error("a ".repeat(6000)).code());
        assertEquals("TOO_MANY_CLAUSES", error("ab ".repeat(1001)).code());
        assertEquals("EMPTY_QUERY", QueryParser.parse(null).errors().get(0).code());
    }

    @Test
    void warningsForBroadQueries() {
        assertEquals(List.of(), warnings("vaccin"));
        assertEquals(List.of(), warnings("le vaccin"));
        assertEquals(List.of("BROAD_TERM"), warnings("le"));
        assertEquals(List.of("BROAD_TERM"), warnings("vaccin OR ok"));
        assertEquals(List.of("NOT_ONLY"), warnings("NOT vaccin"));
        assertEquals(List.of("NOT_ONLY"), warnings("vaccin OR NOT rumeur"));
        assertEquals(List.of(), warnings("vaccin NOT rumeur"));
        assertEquals(List.of("SHORT_PREFIX"), warnings("va* vaccin"));
        assertEquals(List.of("BROAD_TERM", "SHORT_PREFIX"), warnings("va* OR of"));
        assertEquals(List.of("FILTER_ONLY"), warnings("platform:facebook"));
        assertEquals(List.of(), warnings("platform:facebook vaccin"));
        assertEquals(List.of(), warnings("author:minsante"));
        QueryWarning warning = QueryParser.parse("le").warnings().get(0);
        assertTrue(warning.messageEn().contains("le") && warning.messageFr().contains("le"));
    }
}
