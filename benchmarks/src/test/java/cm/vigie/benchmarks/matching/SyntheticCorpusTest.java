package cm.vigie.benchmarks.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cm.vigie.watch.matching.MatchDocument;
import cm.vigie.watch.matching.QueryParser;
import cm.vigie.watch.matching.analysis.TextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {

    private final SyntheticCorpus corpus = new SyntheticCorpus();

    @Test
    void postsAreBilingualOfTwentyToSixtyWordsAndRepeatable() {
        List<MatchDocument> posts = corpus.posts(2_000);
        assertEquals(posts, new SyntheticCorpus().posts(2_000));
        long french = posts.stream().filter(p -> p.language().equals("fr")).count();
        assertTrue(french > 800 && french < 1_200, "French posts: " + french);
        for (MatchDocument post : posts) {
            int words = post.text().strip().split("\\s+").length;
            assertTrue(words >= 20 && words <= 61, post.text());
            assertTrue(TextAnalyzer.analyze(post.text()).positionCount() >= 20, post.text());
        }
    }

    @Test
    void queriesAreValidAndAPrefixOfTheLargerSets() {
        List<String> queries = corpus.queries(10_000);
        assertEquals(queries.subList(0, 1_000), corpus.queries(1_000));
        for (String query : queries) {
            assertTrue(QueryParser.parse(query).valid(), query);
        }
    }
}
