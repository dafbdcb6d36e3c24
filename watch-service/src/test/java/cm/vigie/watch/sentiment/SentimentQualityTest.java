package cm.vigie.watch.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Accuracy of the lexicon scorer on the labelled posts of {@code sentiment/labelled-posts.txt} (French, English and
 * Pidgin; positive, negative, neutral). Fails under the floor: a lexicon change that loses quality is caught here.
 */
class SentimentQualityTest {

    static final double ACCURACY_FLOOR = 0.80;
    /** No class may be sacrificed for the overall figure. */
    static final double RECALL_FLOOR = 0.70;

    record Post(Sentiment label, String language, String text) {
    }

    @Test
    void accuracyOnTheLabelledPostsStaysAboveTheFloor() throws IOException {
        List<Post> posts = posts();
        assertTrue(posts.size() >= 150, "the labelled set needs at least 150 posts, has " + posts.size());
        SentimentAnalyzer analyzer = new SentimentAnalyzer();
        int correct = 0;
        Map<Sentiment, int[]> perClass = new EnumMap<>(Sentiment.class);
        List<String> errors = new ArrayList<>();
        for (Post post : posts) {
            Sentiment got = analyzer.score(post.text(), post.language()).orElseThrow();
            int[] counts = perClass.computeIfAbsent(post.label(), label -> new int[2]);
            counts[1]++;
            if (got == post.label()) {
                correct++;
                counts[0]++;
            } else {
                errors.add(post.label() + " -> " + got + " (" + analyzer.rawScore(post.text(), post.language()) + "): " + post.text());
            }
        }
        double accuracy = (double) correct / posts.size();
        StringBuilder report = new StringBuilder("accuracy %.3f on %d posts".formatted(accuracy, posts.size()));
        perClass.forEach((label, counts) -> report.append(", %s recall %.3f".formatted(label, (double) counts[0] / counts[1])));
        System.out.println("[sentiment quality] " + report);
        errors.forEach(error -> System.out.println("  " + error));
        assertTrue(accuracy >= ACCURACY_FLOOR, report + "\n" + String.join("\n", errors));
        perClass.forEach((label, counts) -> assertTrue((double) counts[0] / counts[1] >= RECALL_FLOOR, report.toString()));
        assertEquals(3, perClass.size());
    }

    static List<Post> posts() throws IOException {
        List<Post> posts = new ArrayList<>();
        try (var in = SentimentQualityTest.class.getResourceAsStream("/sentiment/labelled-posts.txt")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 3);
                posts.add(new Post(Sentiment.valueOf(parts[0]), parts[1], parts[2]));
            }
        }
        return posts;
    }
}
