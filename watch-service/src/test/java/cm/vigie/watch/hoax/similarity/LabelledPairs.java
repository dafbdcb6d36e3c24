package cm.vigie.watch.hoax.similarity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code hoax/labelled-pairs.txt}: "= claim", then "+ restatement" and "- other text" lines. */
record LabelledPairs(List<String> claims, List<Pair> pairs) {

    record Pair(int claim, String text, boolean restatement) {
    }

    static LabelledPairs load() throws IOException {
        try (InputStream in = LabelledPairs.class.getResourceAsStream("/hoax/labelled-pairs.txt")) {
            if (in == null) {
                throw new IOException("hoax/labelled-pairs.txt missing");
            }
            List<String> claims = new ArrayList<>();
            List<Pair> pairs = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("= ")) {
                    claims.add(line.substring(2).strip());
                } else if (line.startsWith("+ ") || line.startsWith("- ")) {
                    if (claims.isEmpty()) {
                        throw new IOException("a pair before any claim: " + line);
                    }
                    pairs.add(new Pair(claims.size() - 1, line.substring(2).strip(), line.charAt(0) == '+'));
                }
            }
            return new LabelledPairs(List.copyOf(claims), List.copyOf(pairs));
        }
    }

    Map<Boolean, Long> counts() {
        Map<Boolean, Long> counts = new LinkedHashMap<>();
        pairs.forEach(pair -> counts.merge(pair.restatement(), 1L, Long::sum));
        return counts;
    }
}
