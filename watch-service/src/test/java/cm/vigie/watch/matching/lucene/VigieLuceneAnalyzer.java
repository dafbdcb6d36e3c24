package cm.vigie.watch.matching.lucene;

import cm.vigie.watch.matching.analysis.TextAnalyzer;
import cm.vigie.watch.matching.analysis.Token;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A Lucene analyzer that produces exactly the engine's tokens ({@link TextAnalyzer}): same folding, same
 * elisions, hashtag and mention tokens at the same position as their bare word, URLs left out. Lucene Monitor
 * then sees the same words at the same positions as the engine, so any difference comes from matching.
 */
public final class VigieLuceneAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new VigieTokenizer());
    }

    private static final class VigieTokenizer extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private List<Token> tokens;
        private int next;
        private int lastPosition;
        private int length;

        @Override
        public boolean incrementToken() throws IOException {
            if (tokens == null) {
                String text = readAll(input);
                length = text.length();
                tokens = TextAnalyzer.analyze(text).tokens();
            }
            if (next >= tokens.size()) {
                return false;
            }
            clearAttributes();
            Token token = tokens.get(next++);
            term.setEmpty().append(token.term());
            offset.setOffset(correctOffset(token.start()), correctOffset(token.end()));
            increment.setPositionIncrement(token.position() - lastPosition);
            lastPosition = token.position();
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int end = correctOffset(length);
            offset.setOffset(end, end);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            tokens = null;
            next = 0;
            lastPosition = -1;
            length = 0;
        }

        private static String readAll(Reader reader) throws IOException {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[1024];
            int read;
            while ((read = reader.read(buffer)) > 0) {
                out.append(buffer, 0, read);
            }
            return out.toString();
        }
    }
}
