package cm.vigie.plan.exercise.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cm.vigie.plan.exercise.scenario.Scenario.Post;

class ScenarioParserTest {

    static String drill() throws IOException {
        try (InputStream in = ScenarioParserTest.class.getResourceAsStream("/scenarios/drill-short.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The problems found in the drill after replacing {@code from} by {@code to} (which must occur). */
    static List<ScenarioError> errorsAfter(String from, String to) throws IOException {
        String yaml = drill();
        assertTrue(yaml.contains(from), "the drill contains " + from);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioParser.parse("drill-short.yaml", yaml.replace(from, to)));
        return e.errors();
    }

    static ScenarioError single(List<ScenarioError> errors, String path) {
        List<ScenarioError> at = errors.stream().filter(e -> e.path().equals(path)).toList();
        assertEquals(1, at.size(), "one problem at " + path + " in " + errors);
        ScenarioError error = at.get(0);
        assertEquals("drill-short.yaml", error.file());
        assertFalse(error.en().isBlank());
        assertFalse(error.fr().isBlank());
        assertFalse(error.en().equals(error.fr()), "French and English differ");
        return error;
    }

    @Test
    void theDrillParsesIntoItsTimeline() throws IOException {
        Scenario s = ScenarioParser.parse("drill-short.yaml", drill());
        assertEquals("drill-short", s.id());
        assertEquals(Duration.ofMinutes(10), s.duration());
        assertTrue(s.gentle());
        assertEquals("FALSE", s.hoaxes().get(0).verdict(), "a bare FALSE is a verdict, not a boolean");
        assertEquals(9, s.mentionCount(), "2 MENTION + 6 BURST + 1 MENTION; METRICS excluded");
        List<Post> timeline = s.timeline();
        assertEquals(10, timeline.size(), "every mention plus the viral re-post");
        for (int i = 1; i < timeline.size(); i++) {
            assertTrue(timeline.get(i - 1).at().compareTo(timeline.get(i).at()) <= 0, "sorted by scenario time");
        }
        // burst: 6 posts over 2 minutes from PT3M, actors and variants cycled
        List<Post> burst = timeline.stream().filter(p -> p.injectIndex() == 2).toList();
        assertEquals(6, burst.size());
        assertEquals(Duration.ofMinutes(3), burst.get(0).at());
        assertEquals(Duration.ofMinutes(3).plusSeconds(20), burst.get(1).at());
        assertEquals("bot_un", burst.get(0).actor().handle());
        assertEquals("bot_deux", burst.get(1).actor().handle());
        assertTrue(burst.get(1).text().startsWith("Water cut"));
        // the METRICS inject re-posts the MENTION with the ref: same external id, new metrics
        Post viral = timeline.get(timeline.size() - 1);
        assertTrue(viral.repost());
        assertEquals(timeline.get(0).externalId("x"), viral.externalId("x"));
        assertEquals("ex-x-0-0", viral.externalId("x"));
        assertEquals(8500, viral.metrics().engagement());
        Set<String> noise = timeline.stream().filter(Post::noise).map(p -> p.externalId("x")).collect(Collectors.toSet());
        assertEquals(Set.of("ex-x-1-0"), noise);
    }

    @Test
    void anUnknownActorIsNamedWithItsPath() throws IOException {
        ScenarioError e = single(errorsAfter("    actor: fake-director\n", "    actor: fake-dirctor\n"), "injects[3].actor");
        assertTrue(e.en().contains("fake-dirctor") && e.en().contains("no actor"), e.en());
        assertTrue(e.fr().contains("aucun acteur"), e.fr());
        single(errorsAfter("actors: [bot-1, bot-2]", "actors: [bot-1, bot-9]"), "injects[2].actors[1]");
    }

    @Test
    void aBadDurationIsRefused() throws IOException {
        ScenarioError e = single(errorsAfter("  - at: PT4M\n", "  - at: 4 minutes\n"), "injects[3].at");
        assertTrue(e.en().contains("ISO-8601"), e.en());
        single(errorsAfter("duration: PT10M", "duration: PT-10M"), "duration");
        // an inject after the end of the scenario
        single(errorsAfter("duration: PT10M", "duration: PT5M"), "injects[4].at");
    }

    @Test
    void metricsNeedAPriorMentionWithTheRef() throws IOException {
        ScenarioError unknown = single(errorsAfter("    type: METRICS\n    ref: notice", "    type: METRICS\n    ref: notic"), "injects[4].ref");
        assertTrue(unknown.en().contains("MENTION"), unknown.en());
        // the MENTION comes after the METRICS inject in scenario time
        ScenarioError late = single(errorsAfter("  - at: PT6M\n    type: METRICS", "  - at: PT30S\n    type: METRICS"), "injects[4].ref");
        assertTrue(late.en().contains("not before"), late.en());
    }

    @Test
    void unknownEnumValuesListTheAllowedOnes() throws IOException {
        ScenarioError platform = single(errorsAfter("    platform: FACEBOOK\n    lang: fr\n    text: \"Coupure",
                "    platform: MYSPACE\n    lang: fr\n    text: \"Coupure"), "injects[0].platform");
        assertTrue(platform.en().contains("MYSPACE") && platform.en().contains("TELEGRAM"), platform.en());
        single(errorsAfter("    severity: HIGH", "    severity: URGENT"), "watchlists[0].severity");
        single(errorsAfter("    verdict: FALSE", "    verdict: LIE"), "hoaxes[0].verdict");
        single(errorsAfter("  decision: RESPOND", "  decision: PANIC"), "expectations.decision");
        single(errorsAfter("{rule: HOAX, hoax: water-cut, by: PT3M}", "{rule: RUMOUR, hoax: water-cut, by: PT3M}"), "expectations.alerts[0].rule");
        single(errorsAfter("    lang: en\n", "    lang: de\n"), "injects[2].lang");
    }

    @Test
    void expectationsMustReferToWhatTheScenarioDefines() throws IOException {
        single(errorsAfter("{rule: HOAX, hoax: water-cut, by: PT3M}", "{rule: HOAX, hoax: water-cuts, by: PT3M}"), "expectations.alerts[0].hoax");
        single(errorsAfter("{rule: KEYWORD, watchlist: water, by: PT2M}", "{rule: KEYWORD, watchlist: wter, by: PT2M}"), "expectations.alerts[1].watchlist");
        single(errorsAfter("{rule: IMPERSONATION, actor: fake-director, by: PT6M}", "{rule: IMPERSONATION, actor: nobody, by: PT6M}"),
                "expectations.alerts[2].actor");
        single(errorsAfter("{rule: REACH, ref: notice, by: PT8M}", "{rule: REACH, ref: other, by: PT8M}"), "expectations.alerts[3].ref");
        // a HOAX expectation naming a watchlist is a mistake
        single(errorsAfter("{rule: HOAX, hoax: water-cut, by: PT3M}", "{rule: HOAX, hoax: water-cut, watchlist: water, by: PT3M}"),
                "expectations.alerts[0].watchlist");
        single(errorsAfter("    impersonates: director", "    impersonates: minister"), "actors[1].impersonates");
    }

    @Test
    void duplicateIdsAndAWrongFileNameAreRefused() throws IOException {
        single(errorsAfter("  - id: bot-2\n", "  - id: bot-1\n"), "actors[3].id");
        String yaml = drill();
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> ScenarioParser.parse("scenarios/drill.yaml", yaml));
        ScenarioError name = e.errors().get(0);
        assertEquals("id", name.path());
        assertEquals("scenarios/drill.yaml", name.file());
        assertTrue(name.en().contains("file name"), name.en());
        List<ScenarioError> badId = errorsAfter("id: drill-short", "id: Drill_Short");
        assertEquals(2, badId.size(), "bad characters and not the file name: " + badId);
        assertTrue(badId.stream().allMatch(error -> error.path().equals("id")));
        single(errorsAfter("    ref: notice\n    actor: ngono", "    ref: notice\n    actor: ngono\n  - at: PT1M\n    type: MENTION\n    ref: notice\n    actor: ngono\n    platform: X\n    lang: fr\n    text: \"encore\"\n  - at: PT1M\n    type: MENTION\n    actor: ngono"),
                "injects[1].ref");
    }

    @Test
    void typosMissingFieldsAndBrokenYamlAreReported() throws IOException {
        ScenarioError typo = single(errorsAfter("    displayName: \"Ngono Marthe\"", "    displayname: \"Ngono Marthe\""), "actors[0].displayname");
        assertTrue(typo.en().contains("not a known field"), typo.en());
        List<ScenarioError> errors = errorsAfter("    displayName: \"Ngono Marthe\"", "    displayname: \"Ngono Marthe\"");
        single(errors, "actors[0].displayName");
        single(errorsAfter("title: {fr: \"Exercice court : rumeur de coupure d'eau\", en: \"Short drill: water cut rumour\"}",
                "title: {fr: \"Exercice court\"}"), "title.en");
        single(errorsAfter("    count: 6", "    count: -6"), "injects[2].count");
        InvalidScenarioException broken = assertThrows(InvalidScenarioException.class,
                () -> ScenarioParser.parse("broken.yaml", "id: broken\ntitle: {fr: \"x\"\n  en: [\n"));
        assertEquals("", broken.errors().get(0).path());
        assertTrue(broken.getMessage().contains("broken.yaml") && broken.getMessage().contains("YAML"), broken.getMessage());
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() throws IOException {
        String yaml = drill().replace("    actor: fake-director\n", "    actor: ghost\n").replace("    severity: HIGH", "    severity: HUGE");
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> ScenarioParser.parse("drill-short.yaml", yaml));
        assertEquals(2, e.errors().size(), e.getMessage());
        assertTrue(e.getMessage().contains("drill-short.yaml: injects[3].actor"), e.getMessage());
        assertTrue(e.getMessage().contains("drill-short.yaml: watchlists[0].severity"), e.getMessage());
    }
}
