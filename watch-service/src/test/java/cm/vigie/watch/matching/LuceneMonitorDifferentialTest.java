package cm.vigie.watch.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cm.vigie.watch.matching.lucene.LuceneTranslation;
import cm.vigie.watch.matching.lucene.VigieLuceneAnalyzer;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine and Lucene Monitor 9.11.1 side by side on generated queries and posts, with the same analysis
 * ({@link VigieLuceneAnalyzer}), and requires the same matches for every (query, post) pair. Documented deliberate
 * differences: none at present (see docs/query-language.md, "Compared with Lucene").
 */
class LuceneMonitorDifferentialTest {

    private static final String[] WORDS = {
            "vaccin", "vaccination", "vacciner", "hôpital", "hopitaux", "santé", "rumeur", "école", "élection",
            "grève", "paludisme", "choléra", "ministre", "Yaoundé", "Douala", "prix", "eau", "pont", "fake", "news"};
    private static final String[] AUTHORS = {"minsante", "CRTV_web", "@Jean.Doe", "anon"};
    private static final String[] PLATFORMS = {"facebook", "X", "rss"};
    private static final String[] LANGUAGES = {"fr", "en", "fr-CM"};
    private static final String[] DOMAINS = {"crtv.cm", "news.crtv.cm", "minsante.cm"};
    private static final String[] FILLERS = {"🔥", "💉🇨🇲", "!!!", ",", "—", "2024", "covid-19", "https://www.crtv.cm/actu",
            "(voir)", "...", "l'", "😡😡"};

    enum Operator { TERM, PHRASE, PREFIX, HASHTAG, MENTION, FIELD, AND, IMPLICIT_AND, OR, NOT, NEAR, GROUP }

    private final Random random = new Random(20261127L);
    private final Map<Operator, Integer> coverage = new EnumMap<>(Operator.class);

    @Test
    void engineAgreesWithLuceneMonitorOnEveryPair() throws IOException {
        int queryCount = 1_000;
        int documentCount = 40;
        Map<UUID, Query> queries = new LinkedHashMap<>();
        Map<UUID, Set<Operator>> operatorsOf = new LinkedHashMap<>();
        for (int i = 0; i < queryCount; i++) {
            Set<Operator> used = new HashSet<>();
            String text = query(0, used);
            ParseResult parsed = QueryParser.parse(text);
            assertTrue(parsed.valid(), () -> text + " -> " + parsed.errors());
            UUID id = UUID.randomUUID();
            queries.put(id, parsed.query());
            operatorsOf.put(id, used);
        }
        MatchingEngine engine = MatchingEngine.compile(queries);
        List<String> disagreements = new ArrayList<>();
        Map<Operator, int[]> outcomes = new EnumMap<>(Operator.class);
        long pairs = 0;
        long matches = 0;
        try (Monitor monitor = new Monitor(new VigieLuceneAnalyzer())) {
            List<MonitorQuery> registered = new ArrayList<>();
            queries.forEach((id, query) -> registered.add(new MonitorQuery(id.toString(), LuceneTranslation.query(query))));
            monitor.register(registered);
            for (int d = 0; d < documentCount; d++) {
                MatchDocument document = document();
                Set<UUID> expected = new HashSet<>();
                MatchingQueries<QueryMatch> found = monitor.match(LuceneTranslation.document(document), QueryMatch.SIMPLE_MATCHER);
                found.getMatches().forEach(match -> expected.add(UUID.fromString(match.getQueryId())));
                Set<UUID> actual = engine.match(document);
                for (Map.Entry<UUID, Query> entry : queries.entrySet()) {
                    UUID id = entry.getKey();
                    boolean lucene = expected.contains(id);
                    boolean ours = actual.contains(id);
                    pairs++;
                    if (lucene) {
                        matches++;
                    }
                    for (Operator operator : operatorsOf.get(id)) {
                        outcomes.computeIfAbsent(operator, o -> new int[2])[lucene ? 1 : 0]++;
                    }
                    if (lucene != ours && disagreements.size() < 20) {
                        disagreements.add("lucene=" + lucene + " engine=" + ours + " query=" + entry.getValue().print()
                                + " document=" + document);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "differential: %d pairs, %d matches, coverage %s%n", pairs, matches,
                outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()[0] + "/" + e.getValue()[1]).toList());
        assertEquals(List.of(), disagreements);
        assertTrue(pairs >= 10_000, "pairs: " + pairs);
        // Both outcomes must be frequent, and every operator must be seen matching and not matching.
        double rate = (double) matches / pairs;
        assertTrue(rate > 0.10 && rate < 0.90, "match rate " + rate);
        for (Operator operator : Operator.values()) {
            int[] counts = outcomes.get(operator);
            assertTrue(counts != null && counts[0] >= 50 && counts[1] >= 50,
                    () -> operator + " not covered both ways: " + (counts == null ? "never" : counts[0] + "/" + counts[1]));
        }
    }

    private String query(int depth, Set<Operator> used) {
        int choice = random.nextInt(depth >= 3 ? 6 : 12);
        switch (choice) {
            case 6, 7 -> {
                used.add(Operator.AND);
                boolean implicit = random.nextBoolean();
                if (implicit) {
                    used.add(Operator.IMPLICIT_AND);
                }
                return operand(depth, used) + (implicit ? " " : " AND ") + operand(depth, used);
            }
            case 8, 9 -> {
                used.add(Operator.OR);
                return operand(depth, used) + " OR " + operand(depth, used)
                        + (random.nextInt(3) == 0 ? " OR " + operand(depth, used) : "");
            }
            case 10 -> {
                used.add(Operator.NOT);
                used.add(Operator.AND);
                return operand(depth, used) + " NOT " + operand(depth, used);
            }
            case 11 -> {
                used.add(Operator.NOT);
                return "NOT " + operand(depth, used);
            }
            default -> {
                return leaf(used, depth < 3 && random.nextInt(5) == 0);
            }
        }
    }

    private String operand(int depth, Set<Operator> used) {
        String inner = query(depth + 1, used);
        if (inner.contains(" ")) {
            used.add(Operator.GROUP);
            return "(" + inner + ")";
        }
        return inner;
    }

    private String leaf(Set<Operator> used, boolean near) {
        if (near) {
            used.add(Operator.NEAR);
            return positional(used) + " NEAR/" + random.nextInt(6) + " " + positional(used);
        }
        if (random.nextInt(8) == 0) {
            used.add(Operator.FIELD);
            return switch (random.nextInt(4)) {
                case 0 -> "author:" + AUTHORS[random.nextInt(AUTHORS.length)];
                case 1 -> "platform:" + PLATFORMS[random.nextInt(PLATFORMS.length)];
                case 2 -> "lang:" + LANGUAGES[random.nextInt(LANGUAGES.length)];
                default -> "domain:" + DOMAINS[random.nextInt(DOMAINS.length)];
            };
        }
        return positional(used);
    }

    private String positional(Set<Operator> used) {
        int kind = random.nextInt(10);
        if (kind < 4) {
            used.add(Operator.TERM);
            return surface(word(), true);
        }
        if (kind < 6) {
            used.add(Operator.PHRASE);
            return "\"" + surface(word(), false) + " " + surface(word(), false) + "\"";
        }
        if (kind < 8) {
            used.add(Operator.PREFIX);
            String word = strip(word());
            return word.substring(0, Math.min(word.length(), 3 + random.nextInt(4))) + "*";
        }
        if (kind < 9) {
            used.add(Operator.HASHTAG);
            return "#" + surface(word(), false);
        }
        used.add(Operator.MENTION);
        return "@" + strip(word());
    }

    private MatchDocument document() {
        int length = 3 + random.nextInt(20);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(random.nextInt(6) == 0 ? "" : " ");
            }
            int kind = random.nextInt(12);
            if (kind < 7) {
                text.append(surface(word(), true));
            } else if (kind < 8) {
                text.append('#').append(surface(word(), false));
            } else if (kind < 9) {
                text.append('@').append(strip(word()));
            } else {
                text.append(FILLERS[random.nextInt(FILLERS.length)]);
            }
        }
        List<String> domains = random.nextBoolean() ? List.of() : List.of(DOMAINS[random.nextInt(DOMAINS.length)]);
        return new MatchDocument(text.toString(), random.nextInt(5) == 0 ? null : AUTHORS[random.nextInt(AUTHORS.length)],
                PLATFORMS[random.nextInt(PLATFORMS.length)], LANGUAGES[random.nextInt(LANGUAGES.length)], domains);
    }

    private String word() {
        // Zipf-like: the first words are far more frequent, so phrases and NEAR find their pairs.
        int index = (int) Math.floor(Math.pow(random.nextDouble(), 2.2) * WORDS.length);
        return WORDS[index];
    }

    /** The word as a post or a user may write it: case, accents, elided article. */
    private String surface(String word, boolean elision) {
        String w = switch (random.nextInt(4)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> strip(word);
            case 2 -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
            default -> word;
        };
        if (elision && random.nextInt(6) == 0) {
            w = (random.nextBoolean() ? "l'" : "d’") + w;
        }
        return w;
    }

    private static String strip(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
