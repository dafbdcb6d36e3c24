package cm.vigie.watch.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MatchingEngineTest {

    private static Query q(String text) {
        ParseResult result = QueryParser.parse(text);
        assertTrue(result.valid(), () -> result.errors().toString());
        return result.query();
    }

    private static boolean matches(String query, MatchDocument document) {
        UUID id = UUID.randomUUID();
        return MatchingEngine.compile(Map.of(id, q(query))).match(document).contains(id);
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "hopital|Je vais à l'Hôpital demain|true",
            "HÔPITAL|les hopitaux|false",
            "vaccin*|La VACCINATION commence|true",
            "vaccin*|le vacc est là|false",
            "\"centre pasteur\"|Au Centre-Pasteur de Yaoundé|true",
            "\"centre pasteur\"|centre de pasteur|false",
            "vaccin rumeur|rumeur sur le vaccin|true",
            "vaccin AND rumeur|vaccin seul|false",
            "vaccin OR rumeur|rumeur seule|true",
            "vaccin NOT rumeur|vaccin et rumeur|false",
            "vaccin NOT rumeur|vaccin sûr|true",
            "NOT rumeur|rien à voir|true",
            "(vaccin OR piqure) NOT (rumeur OR fake)|une piqûre sans danger|true",
            "vaccin NEAR/2 danger|le danger du nouveau vaccin|true",
            "vaccin NEAR/1 danger|le danger du nouveau vaccin|false",
            "vaccin NEAR/0 danger|vaccin danger|true",
            "danger NEAR/0 vaccin|vaccin danger|true",
            "\"nouveau vaccin\" NEAR/1 dang*|le danger du nouveau vaccin|true",
            "#vaccin|#Vaccin obligatoire|true",
            "#vaccin|le vaccin obligatoire|false",
            "vaccin|#Vaccin obligatoire|true",
            "@minsante|merci @MinSanté|true",
            "minsante|merci @MinSanté|true",
            "@minsante|merci minsante|false",
            "covid-19|le Covid 19 recule|true",
            "hopital|🏥hôpital💉 plein|true",
    })
    void textSemantics(String query, String text, boolean expected) {
        assertEquals(expected, matches(query, MatchDocument.ofText(text)));
    }

    @Test
    void fieldFilters() {
        MatchDocument post = new MatchDocument("Le vaccin arrive https://news.CRTV.cm/a", "@MinSante_CM", "Facebook", "fr-CM",
                List.of("www.example.org"));
        assertTrue(matches("author:minsante_cm vaccin", post));
        assertTrue(matches("author:@MINSANTE_CM", post));
        assertTrue(!matches("author:minsante vaccin", post));
        assertTrue(matches("platform:facebook", post));
        assertTrue(matches("lang:fr", post));
        assertTrue(!matches("lang:en", post));
        assertTrue(matches("domain:crtv.cm", post));
        assertTrue(matches("domain:news.crtv.cm", post));
        assertTrue(matches("domain:example.org", post));
        assertTrue(!matches("domain:other.cm", post));
        assertTrue(!matches("vaccin NOT platform:facebook", post));
        assertTrue(!matches("platform:x", new MatchDocument(null, null, null, null, null)));
    }

    @Test
    void matchesOnlyTheQueriesThatMatchAmongMany() {
        Map<UUID, Query> queries = new LinkedHashMap<>();
        UUID vaccine = UUID.randomUUID();
        UUID notRumour = UUID.randomUUID();
        UUID prefix = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        UUID phrase = UUID.randomUUID();
        queries.put(vaccine, q("vaccin OR vaccine"));
        queries.put(notRumour, q("NOT rumeur"));
        queries.put(prefix, q("hopit*"));
        queries.put(author, q("author:crtv"));
        queries.put(phrase, q("\"fake news\" lang:en"));
        for (int i = 0; i < 500; i++) {
            queries.put(UUID.randomUUID(), q("mot" + i + " OR autre" + i + "*"));
        }
        MatchingEngine engine = MatchingEngine.compile(queries);
        assertEquals(505, engine.size());
        assertEquals(Set.of(vaccine, notRumour, prefix),
                engine.match(new MatchDocument("Vaccine at the hôpital", "someone", "x", "en", List.of())));
        assertEquals(Set.of(author, phrase),
                engine.match(new MatchDocument("Rumeur: FAKE news!", "crtv", "x", "en", List.of())));
        assertEquals(Set.of(notRumour), engine.match(MatchDocument.ofText("")));
        assertEquals(Set.of(), MatchingEngine.compile(Map.of()).match(MatchDocument.ofText("vaccin")));
    }

    @Test
    void highlightsShowThePassagesAsWritten() {
        MatchDocument post = MatchDocument.ofText("Le VACCIN au Centre Pasteur, #Vaccin! Pas de rumeur. Vaccination.");
        assertEquals(List.of("VACCIN", "Centre Pasteur", "#Vaccin", "Vaccination"),
                MatchingEngine.highlights(q("(vaccin OR vacci*) \"centre pasteur\" NOT fake"), post));
        assertEquals(List.of("Centre", "Pasteur"), MatchingEngine.highlights(q("pasteur NEAR/0 centre"), post));
        assertEquals(List.of(), MatchingEngine.highlights(q("vaccin NOT rumeur"), post));
        assertEquals(List.of("rumeur"), MatchingEngine.highlights(q("rumeur OR absent"), post));
    }
}
