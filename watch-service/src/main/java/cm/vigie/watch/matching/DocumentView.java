package cm.vigie.watch.matching;

import cm.vigie.watch.matching.Query.Positional;
import cm.vigie.watch.matching.analysis.AnalyzedText;
import cm.vigie.watch.matching.analysis.FieldValues;
import cm.vigie.watch.matching.analysis.TextAnalyzer;
import cm.vigie.watch.matching.analysis.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A document analysed once for matching: word positions, field values, and the evaluation of query trees. */
final class DocumentView {

    private static final int[] NONE = new int[0];

    private final Map<String, int[]> positions;
    private final String[] terms;
    /** {@link #terms} sorted, made on the first prefix test (most documents never need it). */
    private String[] sortedTerms;
    private final String author;
    private final String platform;
    private final String language;
    private final List<String> domains;
    /** Character offsets of each position's word: start at [2p], end at [2p + 1]. */
    private final int[] offsets;

    private DocumentView(Map<String, int[]> positions, String[] terms, String author, String platform,
                         String language, List<String> domains, int[] offsets) {
        this.positions = positions;
        this.terms = terms;
        this.author = author;
        this.platform = platform;
        this.language = language;
        this.domains = domains;
        this.offsets = offsets;
    }

    static DocumentView of(MatchDocument document) {
        return of(document, TextAnalyzer.analyze(document.text()));
    }

    /** @param analyzed {@code TextAnalyzer.analyze(document.text())}, made by the caller */
    static DocumentView of(MatchDocument document, AnalyzedText analyzed) {
        List<Token> tokens = analyzed.tokens();
        // Each list holds its count in slot 0 while it is built.
        Map<String, int[]> positions = new HashMap<>(Math.max(16, tokens.size() * 2));
        int[] offsets = new int[analyzed.positionCount() * 2];
        for (Token token : tokens) {
            int[] list = positions.get(token.term());
            if (list == null) {
                list = new int[4];
                positions.put(token.term(), list);
            } else if (list[0] + 1 == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                positions.put(token.term(), list);
            }
            list[++list[0]] = token.position();
            offsets[token.position() * 2] = token.start();
            offsets[token.position() * 2 + 1] = token.end();
        }
        for (Map.Entry<String, int[]> entry : positions.entrySet()) {
            int[] list = entry.getValue();
            entry.setValue(Arrays.copyOfRange(list, 1, list[0] + 1));
        }
        List<String> domains = new ArrayList<>(document.domains().size() + analyzed.urlHosts().size());
        for (String domain : document.domains()) {
            domains.add(FieldValues.domain(domain));
        }
        domains.addAll(analyzed.urlHosts());
        String[] terms = positions.keySet().toArray(String[]::new);
        return new DocumentView(positions, terms,
                FieldValues.author(stripAt(document.authorHandle())), FieldValues.platform(document.platform()),
                FieldValues.language(document.language()), FieldValues.domainSuffixes(domains), offsets);
    }

    private static String stripAt(String handle) {
        return handle != null && handle.startsWith("@") ? handle.substring(1) : handle;
    }

    /** The distinct terms of the text, signed hashtag and mention forms included, in no particular order. */
    String[] terms() {
        return terms;
    }

    String author() {
        return author;
    }

    String platform() {
        return platform;
    }

    String language() {
        return language;
    }

    List<String> domains() {
        return domains;
    }

    int start(int position) {
        return offsets[position * 2];
    }

    int end(int position) {
        return offsets[position * 2 + 1];
    }

    boolean matches(Query query) {
        return switch (query) {
            case Query.Term term -> positions.containsKey(term.word());
            case Query.Hashtag tag -> positions.containsKey('#' + tag.tag());
            case Query.Mention mention -> positions.containsKey('@' + mention.handle());
            case Query.Prefix prefix -> hasPrefix(prefix.prefix());
            case Query.Phrase phrase -> phraseStarts(phrase.words(), true).length > 0;
            case Query.Near near -> nearMatches(near);
            case Query.Field field -> fieldMatches(field);
            case Query.And and -> {
                for (Query clause : and.clauses()) {
                    if (!matches(clause)) {
                        yield false;
                    }
                }
                yield true;
            }
            case Query.Or or -> {
                for (Query clause : or.clauses()) {
                    if (matches(clause)) {
                        yield true;
                    }
                }
                yield false;
            }
            case Query.Not not -> !matches(not.clause());
        };
    }

    boolean has(String term) {
        return positions.containsKey(term);
    }

    /** Bit set of the engine dictionary's words present in this document, see {@link #markWords}. */
    private long[] present;

    /** Marks the words of this document that the engine's dictionary numbers, for {@link #has(int)}. */
    void markWords(Map<String, Integer> dictionary, int size) {
        long[] bits = new long[(size + 63) >>> 6];
        for (String term : terms) {
            Integer id = dictionary.get(term);
            if (id != null) {
                bits[id >>> 6] |= 1L << id;
            }
        }
        present = bits;
    }

    /** Whether the word numbered {@code id} by the engine's dictionary occurs; {@link #markWords} must have run. */
    boolean has(int id) {
        return (present[id >>> 6] & (1L << id)) != 0;
    }

    /** Some term starts with {@code prefix}: the first term not sorted before it does, if any does. */
    boolean hasPrefix(String prefix) {
        String[] sorted = sortedTerms;
        if (sorted == null) {
            sorted = terms.clone();
            Arrays.sort(sorted);
            sortedTerms = sorted;
        }
        int at = Arrays.binarySearch(sorted, prefix);
        if (at >= 0) {
            return true;
        }
        int insertion = -at - 1;
        return insertion < sorted.length && sorted[insertion].startsWith(prefix);
    }

    boolean hasField(Query.FieldName field, String value) {
        return switch (field) {
            case AUTHOR -> author.equals(value);
            case PLATFORM -> platform.equals(value);
            case LANG -> language.equals(value);
            case DOMAIN -> domains.contains(value);
        };
    }

    private boolean fieldMatches(Query.Field field) {
        return hasField(field.field(), field.value());
    }

    /** The words occur consecutively somewhere. */
    boolean hasPhrase(String[] words) {
        int[] first = positionsOf(words[0]);
        for (int start : first) {
            boolean all = true;
            for (int i = 1; i < words.length && all; i++) {
                all = Arrays.binarySearch(positionsOf(words[i]), start + i) >= 0;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Sorted positions of a term (signed form for hashtags and mentions). */
    int[] positionsOf(String term) {
        int[] list = positions.get(term);
        return list == null ? NONE : list;
    }

    /** Sorted start positions where the words occur consecutively; only the first when {@code firstOnly}. */
    int[] phraseStarts(List<String> words, boolean firstOnly) {
        int[] first = positionsOf(words.get(0));
        int[] out = new int[first.length];
        int count = 0;
        for (int start : first) {
            boolean all = true;
            for (int i = 1; i < words.size() && all; i++) {
                all = Arrays.binarySearch(positionsOf(words.get(i)), start + i) >= 0;
            }
            if (all) {
                out[count++] = start;
                if (firstOnly) {
                    break;
                }
            }
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /** Sorted, distinct start positions of the spans of a positional node. */
    int[] spanStarts(Positional node) {
        return switch (node) {
            case Query.Term term -> positionsOf(term.word());
            case Query.Hashtag tag -> positionsOf('#' + tag.tag());
            case Query.Mention mention -> positionsOf('@' + mention.handle());
            case Query.Phrase phrase -> phraseStarts(phrase.words(), false);
            case Query.Prefix prefix -> {
                int[] all = NONE;
                for (String term : terms) {
                    if (term.startsWith(prefix.prefix())) {
                        int[] more = positions.get(term);
                        int[] merged = Arrays.copyOf(all, all.length + more.length);
                        System.arraycopy(more, 0, merged, all.length, more.length);
                        all = merged;
                    }
                }
                Arrays.sort(all);
                yield Arrays.stream(all).distinct().toArray();
            }
        };
    }

    static int spanLength(Positional node) {
        return node instanceof Query.Phrase phrase ? phrase.words().size() : 1;
    }

    /**
     * Lucene's unordered span-near rule: spans a and b match when
     * {@code max(end) - min(start) - (length a + length b) <= distance}, i.e. at most {@code distance} words between
     * them (overlapping spans match too).
     */
    static boolean near(int a, int lengthA, int b, int lengthB, int distance) {
        return Math.max(a + lengthA, b + lengthB) - Math.min(a, b) - (lengthA + lengthB) <= distance;
    }

    private boolean nearMatches(Query.Near near) {
        int[] left = spanStarts(near.left());
        if (left.length == 0) {
            return false;
        }
        int[] right = spanStarts(near.right());
        int lengthLeft = spanLength(near.left());
        int lengthRight = spanLength(near.right());
        for (int a : left) {
            for (int b : right) {
                if (near(a, lengthLeft, b, lengthRight, near.distance())) {
                    return true;
                }
            }
        }
        return false;
    }
}
