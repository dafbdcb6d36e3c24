package cm.vigie.watch.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import cm.vigie.watch.hoax.similarity.NearDuplicateIndex;
import cm.vigie.watch.matching.MatchDocument;
import cm.vigie.watch.matching.MatchingEngine;
import cm.vigie.watch.matching.ParseResult;
import cm.vigie.watch.matching.Query;
import cm.vigie.watch.matching.QueryParser;
import cm.vigie.watch.scenario.ScenarioPosts.Post;

/**
 * Runs the exercise scenario library (plan-service/src/main/resources/scenarios) through watch-service's real query
 * parser, matching engine and hoax near-duplicate index, so that a scenario says what the platform will actually do:
 * signal posts are seen by a watchlist, noise posts by none (and restate no hoax), and each expected alert has posts
 * that raise it before its deadline.
 */
class ScenarioLibraryMatchingTest {

    /** Fewest mentions in the last window for a SPIKE (watch-service's default, vigie.watch.alerts.spike.min-count). */
    private static final int SPIKE_MIN_COUNT = 10;
    /** Engagement a post must reach in a METRICS inject for a REACH expectation (docs/scenarios.md). */
    private static final long REACH_ENGAGEMENT = 1000;
    /** Hoax detection as ingestion runs it (HoaxSettings defaults: threshold 0.5, 64 bands of 2 rows, 3 words). */
    private static final NearDuplicateIndex.Settings HOAX_SETTINGS = NearDuplicateIndex.Settings.DEFAULT;

    private static final List<ScenarioPosts> LIBRARY = ScenarioPosts.library();

    /** What the engines see of one scenario. */
    private record Engines(ScenarioPosts scenario, MatchingEngine matching, Map<UUID, String> watchlistIds,
            NearDuplicateIndex<String> hoaxes) {

        static Engines of(ScenarioPosts scenario) {
            Map<UUID, Query> queries = new LinkedHashMap<>();
            Map<UUID, String> ids = new LinkedHashMap<>();
            for (var watchlist : scenario.watchlists().entrySet()) {
                ParseResult parsed = QueryParser.parse(watchlist.getValue());
                assertTrue(parsed.valid(), () -> scenario.file().getFileName() + " watchlist " + watchlist.getKey()
                        + ": " + parsed.errors());
                UUID id = UUID.nameUUIDFromBytes(watchlist.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                queries.put(id, parsed.query());
                ids.put(id, watchlist.getKey());
            }
            NearDuplicateIndex.Builder<String> hoaxes = NearDuplicateIndex.builder(HOAX_SETTINGS);
            scenario.hoaxes().forEach((id, claims) -> claims.forEach(claim -> assertTrue(hoaxes.add(id, claim),
                    () -> scenario.file().getFileName() + " hoax " + id + ": claim too short to be compared: " + claim)));
            return new Engines(scenario, MatchingEngine.compile(queries), ids, hoaxes.build());
        }

        Set<String> watchlists(Post post) {
            MatchDocument document = new MatchDocument(post.text(), post.actor().handle(),
                    scenario.platformCode(post), post.lang(), List.of());
            return matching.match(document).stream().map(watchlistIds::get).collect(Collectors.toSet());
        }

        Set<String> hoaxes(Post post) {
            return hoaxes.query(post.text()).stream().map(NearDuplicateIndex.Match::key).collect(Collectors.toSet());
        }
    }

    @Test
    void theLibraryHoldsTheScenariosOfTheIssue() {
        Set<String> ids = LIBRARY.stream().map(ScenarioPosts::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("vaccination-sterility", "minister-mobile-money", "exam-results-list",
                "demo-health-centre")), ids::toString);
        assertTrue(LIBRARY.stream().anyMatch(s -> s.gentle() && s.id().equals("demo-health-centre")),
                "the first-start demo's scenario is gentle");
        for (ScenarioPosts scenario : LIBRARY) {
            assertEquals(scenario.file().getFileName().toString(), scenario.id() + ".yaml", "the file name is the id");
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyScenario() {
        return LIBRARY.stream().map(scenario -> {
            Engines engines = Engines.of(scenario);
            return DynamicContainer.dynamicContainer(scenario.id(), Stream.of(
                    DynamicTest.dynamicTest("signal posts match a watchlist", () -> signalMatches(engines)),
                    DynamicTest.dynamicTest("noise matches no watchlist and no hoax", () -> noiseIsQuiet(engines)),
                    DynamicTest.dynamicTest("expected alerts have their posts in time", () -> expectationsHold(engines)),
                    DynamicTest.dynamicTest("library rules (size, languages, noise, burst, viral post)",
                            () -> libraryRules(scenario))));
        });
    }

    private static void signalMatches(Engines engines) {
        List<String> misses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Post post : engines.scenario().posts()) {
            if (!post.noise() && seen.add(post.text() + "\u0000" + post.actor().id()) && engines.watchlists(post).isEmpty()) {
                misses.add(post.where() + ": " + post.text());
            }
        }
        if (!misses.isEmpty()) {
            fail("Signal posts that no watchlist of " + engines.scenario().id() + " matches:\n  "
                    + String.join("\n  ", misses));
        }
    }

    private static void noiseIsQuiet(Engines engines) {
        List<String> alarms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Post post : engines.scenario().posts()) {
            if (post.noise() && seen.add(post.text() + "\u0000" + post.actor().id())) {
                Set<String> watchlists = engines.watchlists(post);
                Set<String> hoaxes = engines.hoaxes(post);
                if (!watchlists.isEmpty() || !hoaxes.isEmpty()) {
                    alarms.add(post.where() + " matches " + watchlists + " hoaxes " + hoaxes + ": " + post.text());
                }
                if (post.actor().impersonates() != null) {
                    alarms.add(post.where() + ": noise from an impersonator (" + post.actor().id() + ") would alert");
                }
            }
        }
        if (!alarms.isEmpty()) {
            fail("Noise that would raise an alert in " + engines.scenario().id() + ":\n  " + String.join("\n  ", alarms));
        }
    }

    private static void expectationsHold(Engines engines) {
        ScenarioPosts scenario = engines.scenario();
        JsonNode alerts = scenario.expectations().path("alerts");
        assertFalse(alerts.isEmpty(), scenario.id() + ": no expected alert");
        List<String> problems = new ArrayList<>();
        for (JsonNode alert : alerts) {
            String rule = alert.path("rule").asText();
            Duration by = Duration.parse(alert.path("by").asText());
            List<Post> before = scenario.posts().stream().filter(p -> !p.noise() && p.at().compareTo(by) <= 0).toList();
            switch (rule) {
                case "KEYWORD" -> {
                    String watchlist = alert.path("watchlist").asText();
                    if (!scenario.watchlists().containsKey(watchlist)) {
                        problems.add("KEYWORD: unknown watchlist " + watchlist);
                    } else if (before.stream().noneMatch(p -> engines.watchlists(p).contains(watchlist))) {
                        problems.add("KEYWORD " + watchlist + ": no post matches it by " + by);
                    }
                }
                case "SPIKE" -> {
                    String watchlist = alert.path("watchlist").asText();
                    long count = before.stream().filter(p -> engines.watchlists(p).contains(watchlist)).count();
                    if (count < SPIKE_MIN_COUNT) {
                        problems.add("SPIKE " + watchlist + ": only " + count + " matching posts by " + by);
                    }
                }
                case "HOAX" -> {
                    String hoax = alert.path("hoax").asText();
                    if (!scenario.hoaxes().containsKey(hoax)) {
                        problems.add("HOAX: unknown hoax " + hoax);
                    } else if (before.stream().noneMatch(p -> engines.hoaxes(p).contains(hoax))) {
                        problems.add("HOAX " + hoax + ": no post restates it (similarity ≥ " + HOAX_SETTINGS.threshold()
                                + ") by " + by);
                    }
                }
                case "REACH" -> {
                    String ref = alert.path("ref").asText();
                    List<Post> referenced = scenario.posts().stream().filter(p -> ref.equals(p.ref())).toList();
                    if (referenced.size() != 1) {
                        problems.add("REACH: ref " + ref + " names " + referenced.size() + " posts");
                    } else if (referenced.get(0).noise() || engines.watchlists(referenced.get(0)).isEmpty()) {
                        problems.add("REACH " + ref + ": the post matches no watchlist, its reach cannot alert");
                    } else if (referenced.get(0).engagement() >= REACH_ENGAGEMENT) {
                        problems.add("REACH " + ref + ": the post starts viral already (" + referenced.get(0).engagement()
                                + "); it should go viral through a METRICS inject");
                    } else if (scenario.metrics().stream().noneMatch(m -> m.ref().equals(ref) && m.at().compareTo(by) <= 0
                            && m.at().compareTo(referenced.get(0).at()) > 0 && m.engagement() >= REACH_ENGAGEMENT)) {
                        problems.add("REACH " + ref + ": no METRICS inject brings it to " + REACH_ENGAGEMENT
                                + " engagement between the post and " + by);
                    }
                }
                case "IMPERSONATION" -> {
                    String actor = alert.path("actor").asText();
                    ScenarioPosts.Actor impersonator = scenario.actors().get(actor);
                    if (impersonator == null || impersonator.impersonates() == null) {
                        problems.add("IMPERSONATION: " + actor + " is not an actor that impersonates a person");
                    } else if (before.stream().noneMatch(p -> p.actor().id().equals(actor))) {
                        problems.add("IMPERSONATION " + actor + ": posts nothing by " + by);
                    }
                }
                default -> problems.add("unknown rule " + rule);
            }
        }
        if (!problems.isEmpty()) {
            fail(scenario.id() + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static void libraryRules(ScenarioPosts scenario) {
        List<Post> posts = scenario.posts();
        Set<String> languages = posts.stream().map(Post::lang).collect(Collectors.toSet());
        assertTrue(posts.stream().anyMatch(Post::noise), scenario.id() + ": no noise");
        if (scenario.gentle()) {
            assertTrue(posts.size() <= 60, scenario.id() + ": a gentle scenario has few mentions, not " + posts.size());
            Duration first = posts.stream().filter(p -> !p.noise()).map(Post::at).min(Duration::compareTo).orElseThrow();
            assertTrue(first.compareTo(Duration.ofSeconds(30)) <= 0, scenario.id() + ": the first signal comes at " + first);
            return;
        }
        assertTrue(posts.size() >= 300, scenario.id() + ": " + posts.size() + " mentions, the library wants 300");
        assertEquals(Set.of("fr", "en"), languages, scenario.id() + ": French and English posts");
        assertTrue(posts.stream().filter(p -> !p.noise() && p.where().contains(" post ")).count() >= 20,
                scenario.id() + ": no coordinated burst");
        assertFalse(scenario.metrics().isEmpty(), scenario.id() + ": no post goes viral");
    }
}
