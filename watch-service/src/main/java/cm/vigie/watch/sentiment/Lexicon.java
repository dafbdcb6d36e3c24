package cm.vigie.watch.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import cm.vigie.watch.matching.analysis.Folding;

/**
 * Word scores of one or more lexicon files ({@code sentiment/*.txt} on the class path): exact words, two-word phrases
 * and prefixes (entries ending in {@code *}), all folded like the matching analyzer folds posts.
 */
final class Lexicon {

    /** Shortest prefix a {@code *} entry may match with, so that short stems do not swallow unrelated words. */
    private static final int MIN_PREFIX = 3;

    private final Map<String, Double> words = new HashMap<>();
    private final Map<String, Double> prefixes = new HashMap<>();
    private int longestPrefix;

    static Lexicon load(String... resources) {
        Lexicon lexicon = new Lexicon();
        for (String resource : resources) {
            read(resource, (key, value) -> {
                double score = Double.parseDouble(value);
                if (key.endsWith("*")) {
                    String prefix = fold(key.substring(0, key.length() - 1));
                    lexicon.prefixes.put(prefix, score);
                    lexicon.longestPrefix = Math.max(lexicon.longestPrefix, prefix.length());
                } else {
                    lexicon.words.put(fold(key), score);
                }
            });
        }
        return lexicon;
    }

    /** The score of a folded word or phrase, by exact entry, else by the longest matching prefix entry; null if none. */
    Double score(String term) {
        Double exact = words.get(term);
        if (exact != null || term.indexOf(' ') >= 0) {
            return exact;
        }
        for (int length = Math.min(term.length(), longestPrefix); length >= MIN_PREFIX; length--) {
            Double prefix = prefixes.get(term.substring(0, length));
            if (prefix != null) {
                return prefix;
            }
        }
        return null;
    }

    static String fold(String entry) {
        return Folding.fold(entry.strip()).replaceAll("\\s+", " ");
    }

    @FunctionalInterface
    interface Entry {
        void accept(String key, String value);
    }

    /** Reads {@code sentiment/<resource>}: one {@code <entry> TAB <value>} per line, {@code #} comments. */
    static void read(String resource, Entry entry) {
        try (InputStream in = Lexicon.class.getResourceAsStream("/sentiment/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing sentiment resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalStateException("sentiment/" + resource + ":" + number + ": expected <entry> TAB <value>");
                }
                entry.accept(line.substring(0, tab), line.substring(tab + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
