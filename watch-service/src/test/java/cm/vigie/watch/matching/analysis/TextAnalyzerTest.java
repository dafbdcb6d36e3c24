package cm.vigie.watch.matching.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private static List<String> terms(String text) {
        return TextAnalyzer.analyze(text).tokens().stream().map(Token::term).toList();
    }

    @Test
    void foldsCaseAndAccents() {
        assertEquals(List.of("hopital", "general", "de", "yaounde", "oeuvre", "strasse"),
                terms("Hôpital GÉNÉRAL de Yaoundé — Œuvre straße"));
    }

    @Test
    void dropsFrenchElisionsAndEnglishPossessives() {
        assertEquals(List.of("hopital", "vaccin", "il", "a", "aujourdhui"),
                terms("l'hôpital d’un… qu'un vaccin s'il jusqu'à aujourd'hui").stream()
                        .filter(t -> !t.equals("un")).toList());
        assertEquals(List.of("the", "minister", "said", "dont"), terms("The minister's said: don't"));
    }

    @Test
    void hashtagsAndMentionsGiveTheSignedAndBareFormsAtOnePosition() {
        List<Token> tokens = TextAnalyzer.analyze("Le #Vaccin_19 selon @MinSanté.").tokens();
        assertEquals(List.of("le", "#vaccin_19", "vaccin_19", "selon", "@minsante", "minsante"),
                tokens.stream().map(Token::term).toList());
        assertEquals(List.of(0, 1, 1, 2, 3, 3), tokens.stream().map(Token::position).toList());
        Token hashtag = tokens.get(1);
        assertEquals("#Vaccin_19", "Le #Vaccin_19 selon @MinSanté.".substring(hashtag.start(), hashtag.end()));
    }

    @Test
    void emailsAndInnerSignsAreNotMentions() {
        assertEquals(List.of("contact", "minsante", "cm", "c", "est", "a", "b"), terms("contact@minsante.cm c#est a#b"));
    }

    @Test
    void urlsGiveHostsNotWords() {
        AnalyzedText analyzed = TextAnalyzer.analyze("Lisez https://www.CRTV.cm/actu/vaccin?x=1 et www.minsante.cm, puis http://user@b.org:80/");
        assertEquals(List.of("lisez", "et", "puis"), analyzed.tokens().stream().map(Token::term).toList());
        assertEquals(List.of("crtv.cm", "minsante.cm", "b.org"), analyzed.urlHosts());
    }

    @Test
    void emojiAndPunctuationSeparateWordsAndTakeNoPosition() {
        List<Token> tokens = TextAnalyzer.analyze("vaccin💉🔥danger!!! covid-19").tokens();
        assertEquals(List.of("vaccin", "danger", "covid", "19"), tokens.stream().map(Token::term).toList());
        assertEquals(List.of(0, 1, 2, 3), tokens.stream().map(Token::position).toList());
    }

    @Test
    void analysisOfATermIsIdempotent() {
        for (String term : terms("Ǆemal ﬁlm Ⅻ ½ x² ÉCOLE naïve Ｔｏｋｙｏ")) {
            assertEquals(List.of(term), terms(term), term);
        }
    }

    @Test
    void fieldValuesHaveOneNormalForm() {
        assertEquals("minsante_cm", FieldValues.author("MinSanté_CM"));
        assertEquals("fr", FieldValues.language("fr-CM"));
        assertEquals("crtv.cm", FieldValues.domain("https://WWW.crtv.cm/path"));
        assertEquals(List.of("news.crtv.cm", "crtv.cm"), FieldValues.domainSuffixes(List.of("news.crtv.cm")));
    }
}
