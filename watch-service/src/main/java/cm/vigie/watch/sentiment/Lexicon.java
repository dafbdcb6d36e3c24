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
    /** First words of the two-word entries: a word that starts none needs no phrase look-up. */
    private final java.util.Set<String> phraseStarts = new java.util.HashSet<>();
    /** {@code prefixLengths[n]}: some prefix entry has n characters. */
    private boolean[] prefixLengths = new boolean[0];
    /** The first {@link #MIN_PREFIX} characters of each prefix entry, packed and sorted: a word starting otherwise matches none. */
    private long[] prefixStarts = new long[0];
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
                    if (lexicon.prefixLengths.length <= prefix.length()) {
                        lexicon.prefixLengths = java.util.Arrays.copyOf(lexicon.prefixLengths, prefix.length() + 1);
                    }
                    lexicon.prefixLengths[prefix.length()] = true;
                    if (prefix.length() >= MIN_PREFIX) {
                        lexicon.prefixStarts = java.util.Arrays.copyOf(lexicon.prefixStarts, lexicon.prefixStarts.length + 1);
                        lexicon.prefixStarts[lexicon.prefixStarts.length - 1] = start(prefix);
                        java.util.Arrays.sort(lexicon.prefixStarts);
                    }
                } else {
                    String word = fold(key);
                    lexicon.words.put(word, score);
                    if (word.indexOf(' ') > 0) {
                        lexicon.phraseStarts.add(word.substring(0, word.indexOf(' ')));
                    }
                }
            });
        }
        return lexicon;
    }

    /** The score of a folded word or phrase, by exact entry, else by the longest matching prefix entry; null if none. */
    Double score(String term) {
        Double exact = words.get(term);
        if (exact != null || term.indexOf(' ') >= 0 || term.length() < MIN_PREFIX
                || java.util.Arrays.binarySearch(prefixStarts, start(term)) < 0) {
            return exact;
        }
        for (int length = Math.min(term.length(), longestPrefix); length >= MIN_PREFIX; length--) {
            if (!prefixLengths[length]) {
                continue;
            }
            Double prefix = prefixes.get(term.substring(0, length));
            if (prefix != null) {
                return prefix;
            }
        }
        return null;
    }

    private static long start(String text) {
        return (long) text.charAt(0) << 32 | (long) text.charAt(1) << 16 | text.charAt(2);
    }

    /** Whether some two-word entry starts with this folded word. */
    boolean startsPhrase(String word) {
        return phraseStarts.contains(word);
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
