package cm.vigie.watch.matching.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cm.vigie.watch.matching.analysis.TextAnalyzer;
import cm.vigie.watch.matching.analysis.Token;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** The differential test is only meaningful if Lucene sees exactly the engine's tokens. */
class VigieLuceneAnalyzerTest {

    @Test
    void luceneSeesTheEngineTokensAtTheSamePositionsAndOffsets() throws IOException {
        String text = "L'Hôpital de #Yaoundé💉 selon @MinSanté: https://crtv.cm/x covid-19, aujourd'hui!";
        List<Token> expected = TextAnalyzer.analyze(text).tokens();
        try (VigieLuceneAnalyzer analyzer = new VigieLuceneAnalyzer()) {
            for (int pass = 0; pass < 2; pass++) { // the tokenizer is reused: reset must work
                assertEquals(expected, tokens(analyzer, text));
            }
            assertEquals(List.of(), tokens(analyzer, ""));
        }
    }

    private static List<Token> tokens(VigieLuceneAnalyzer analyzer, String text) throws IOException {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(LuceneTranslation.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        }
        return tokens;
    }
}
