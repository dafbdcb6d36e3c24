package cm.vigie.accounts.impersonation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImpersonationIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0001-000000000001");
    private static final UUID FACEBOOK_PAGE = UUID.fromString("00000000-0000-0000-0002-000000000001");
    private static final UUID X_ACCOUNT = UUID.fromString("00000000-0000-0000-0002-000000000002");
    private static final long PHOTO = 0x8f3a61c2d94be705L;

    private static final List<Reference> REFERENCES = List.of(
            new Reference(ReferenceKind.PROTECTED_PERSON, PERSON, "minsante", null, null, "Aurélien Mbarga Ngono",
                    List.of("Dr Mbarga Ngono"), List.of("Ministre de la Santé publique", "Minister of Public Health"),
                    List.of(PHOTO), List.of(new PlatformHandle("X", "a_mbarga_ngono"))),
            Reference.officialAccount(FACEBOOK_PAGE, "minsante", "FACEBOOK", "minsante_cm",
                    "Ministère de la Santé Publique"),
            new Reference(ReferenceKind.OFFICIAL_ACCOUNT, X_ACCOUNT, "minsante", "X", "minsante_cm",
                    "Ministère de la Santé Publique", List.of("MINSANTE"), List.of(), List.of(), List.of()),
            Reference.officialAccount(UUID.randomUUID(), "minfi", "X", "minfi_cm", "Ministère des Finances"));

    private final ImpersonationIndex index = ImpersonationIndex.build(REFERENCES, ScoringSettings.defaults());

    private static Candidate candidate(String platform, String handle, String name, String bio) {
        return new Candidate(platform, handle, name, bio, null, null, null, null);
    }

    private static List<String> codes(Score score) {
        return score.signals().stream().map(Signal::code).toList();
    }

    @Test
    void aRegisteredAccountIsOfficialWhateverTheCaseOrAt() {
        Score score = index.score(candidate("facebook", " @MinSante_CM ", null, null), NOW);
        assertEquals(Verdict.OFFICIAL, score.verdict());
        assertEquals(1.0, score.score());
        assertEquals(FACEBOOK_PAGE, score.closest().id());
        assertEquals(List.of("OFFICIAL_HANDLE"), codes(score));

        Score personHandle = index.score(candidate("X", "A_Mbarga_Ngono", null, null), NOW);
        assertEquals(Verdict.OFFICIAL, personHandle.verdict());
        assertEquals(PERSON, personHandle.closest().id());
    }

    @Test
    void homoglyphsOfAnOfficialHandleShareItsSkeleton() {
        // Cyrillic а, Greek ο, zero for o, rn for m, capital I for l: each alone is a copied handle.
        for (String fake : List.of("minsаnte_cm", "minsante_cm".replace('e', 'е'), "rninsante_cm", "mins4nte_cm")) {
            Score score = index.score(new Candidate("FACEBOOK", fake, "Ministère de la Santé Publique", null, null,
                    null, null, false), NOW);
            if (fake.equals("mins4nte_cm")) {
                // 4 for a is not a UTS #39 confusable: an edit, not the same skeleton.
                assertTrue(codes(score).contains("HANDLE_EDIT_DISTANCE"), score.toString());
            } else {
                assertTrue(codes(score).contains("HANDLE_SKELETON"), fake + " " + score);
            }
            assertEquals(Verdict.LIKELY_IMPERSONATION, score.verdict(), fake + " " + score);
            assertEquals("minsante_cm", score.closest().handle());
        }
    }

    @Test
    void baitAroundAnOfficialHandleIsReported() {
        Score score = index.score(new Candidate("TIKTOK", "minsante_cm_officiel", null, null, null,
                NOW.minus(Duration.ofDays(10)), 12L, false), NOW);
        assertEquals(Verdict.LIKELY_IMPERSONATION, score.verdict(), score.toString());
        assertTrue(codes(score).containsAll(List.of("HANDLE_SKELETON", "BAIT_TOKEN", "YOUNG_ACCOUNT",
                "FEW_FOLLOWERS", "NOT_VERIFIED")), score.toString());
        Signal bait = score.signals().stream().filter(s -> s.code().equals("BAIT_TOKEN")).findFirst().orElseThrow();
        assertTrue(bait.detail().contains("officiel"), bait.detail());
    }

    @Test
    void signalsAddUpToTheScoreAndComeStrongestFirst() {
        Score score = index.score(new Candidate("FACEBOOK", "dr.mbarga.ngono", "S.E. Dr Aurelien MBARGA NGONO",
                "Ministre de la Santé Publique. Nouveau compte.", PHOTO ^ 0b101L, NOW.minus(Duration.ofDays(3)), 40L,
                false), NOW);
        assertEquals(Verdict.LIKELY_IMPERSONATION, score.verdict());
        assertEquals(PERSON, score.closest().id());
        assertTrue(codes(score).containsAll(List.of("NAME_SIMILARITY", "OFFICIAL_TITLE", "AVATAR_MATCH")),
                score.toString());
        double sum = score.signals().stream().mapToDouble(Signal::contribution).sum();
        assertEquals(Math.min(1, sum), score.score(), 0.002);
        for (int i = 1; i < score.signals().size(); i++) {
            assertTrue(Math.abs(score.signals().get(i - 1).contribution())
                    >= Math.abs(score.signals().get(i).contribution()));
        }
    }

    @Test
    void aNamesakeLivingTheirOwnLifeIsNotLikely() {
        Score score = index.score(new Candidate("FACEBOOK", "aurelien.mbarga.ngono", "Aurélien Mbarga Ngono",
                "Étudiant en droit à Yaoundé", 0x1234_5678_9abc_def0L, Instant.parse("2019-03-01T00:00:00Z"), 850L,
                false), NOW);
        assertNotNull(score.closest());
        assertTrue(score.verdict() == Verdict.SUSPICIOUS || score.verdict() == Verdict.UNRELATED, score.toString());
    }

    @Test
    void aDeclaredFanPageStaysBelowLikelyEvenWithEverythingElse() {
        Score score = index.score(new Candidate("FACEBOOK", "mbarga_ngono_fans", "Aurélien Mbarga Ngono",
                "Ministre de la Santé publique. Page de fans non officielle.", PHOTO, NOW.minus(Duration.ofDays(3)),
                4L, false), NOW);
        assertTrue(codes(score).contains("DECLARED_FAN_OR_PARODY"), score.toString());
        assertTrue(score.score() < ScoringSettings.defaults().likelyThreshold(), score.toString());
        assertFalse(score.verdict() == Verdict.LIKELY_IMPERSONATION);
    }

    @Test
    void anUnrelatedAccountHasNoClosestReference() {
        Score score = index.score(new Candidate("X", "boulangerie_akwa", "Boulangerie d'Akwa",
                "Pain chaud tous les matins", null, NOW.minus(Duration.ofDays(2)), 3L, false), NOW);
        assertEquals(Verdict.UNRELATED, score.verdict());
        assertNull(score.closest());
        assertTrue(score.signals().isEmpty());
        assertEquals(0.0, score.score());
    }

    @Test
    void institutionThresholdsChangeTheVerdictNotTheScore() {
        Candidate c = new Candidate("X", "minsante.cm", null, null, null, null, null, null);
        ImpersonationIndex strict = ImpersonationIndex.build(REFERENCES,
                ScoringSettings.defaults().withThresholds(0.95, 0.9));
        Score relaxed = index.score(c, NOW);
        Score severe = strict.score(c, NOW);
        assertEquals(relaxed.score(), severe.score());
        assertEquals(Verdict.LIKELY_IMPERSONATION, relaxed.verdict());
        assertEquals(Verdict.UNRELATED, severe.verdict());
    }

    @Test
    void resemblesFindsSkeletonAndEditDistanceMatchesOfOfficialAccountsOnly() {
        List<Resemblance> found = index.resembles("FACEBOOK", "@MINSАNTE_CM", 5);
        assertEquals(2, found.size(), found.toString());
        // Same skeleton on every platform; the looked-up platform first.
        assertEquals("FACEBOOK", found.get(0).reference().platform());
        assertEquals(1.0, found.get(0).similarity());
        assertEquals("X", found.get(1).reference().platform());

        List<Resemblance> typo = index.resembles("X", "minsantee_cm", 5);
        assertEquals(2, typo.size(), typo.toString());
        assertTrue(typo.get(0).similarity() < 1.0 && typo.get(0).similarity() > 0.8, typo.toString());

        // The registered account itself is not a resemblance of itself, but the same handle elsewhere is.
        List<Resemblance> self = index.resembles("X", "minsante_cm", 5);
        assertEquals(1, self.size());
        assertEquals("FACEBOOK", self.get(0).reference().platform());

        assertTrue(index.resembles("X", "boulangerie_akwa", 5).isEmpty());
        // Persons are not returned: only official accounts.
        assertTrue(index.resembles("X", "a_mbarga_ngon0", 5).isEmpty());
        assertEquals(1, index.resembles("FACEBOOK", "minsante_cm1", 1).size());
    }

    @Test
    void oddInputIsTolerated() {
        assertEquals(Verdict.OFFICIAL, index.score(candidate("x", "\u00a0@minsante_cm\u200b ", null, null), NOW)
                .verdict());
        assertTrue(index.resembles("X", "   ", 5).isEmpty());
        assertTrue(index.resembles(null, "minsante_cn", 5).size() >= 1);
        assertThrows(IllegalArgumentException.class, () -> candidate("X", " ", null, null));
        assertThrows(IllegalArgumentException.class, () -> candidate(null, "a", null, null));
        Score empty = ImpersonationIndex.build(List.of(), ScoringSettings.defaults())
                .score(candidate("X", "anything", "Anyone", "bio"), NOW);
        assertEquals(Verdict.UNRELATED, empty.verdict());
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ScoringSettings.defaults().withThresholds(0.5, 0.6));
        assertThrows(IllegalArgumentException.class, () -> ScoringSettings.defaults().withThresholds(1.2, 0.6));
        assertThrows(IllegalArgumentException.class,
                () -> new ScoringSettings(0.6, 0.3, Duration.ofDays(-1), 10, 10, 2));
        assertThrows(IllegalArgumentException.class, () -> new ScoringSettings(0.6, 0.3, Duration.ZERO, 10, 65, 2));
    }

    @Test
    void theIndexIsSafeToShareBetweenThreads() throws Exception {
        List<Candidate> candidates = List.of(candidate("X", "minsаnte_cm", "Ministère de la Santé", null),
                candidate("FACEBOOK", "dr_mbarga_ngono", "Dr Aurélien Mbarga Ngono", "Ministre de la Santé"),
                candidate("X", "boulangerie", "Boulangerie", null));
        List<Score> expected = candidates.stream().map(c -> index.score(c, NOW)).toList();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    Candidate c = candidates.get(i % candidates.size());
                    if (!index.score(c, NOW).equals(expected.get(i % candidates.size()))) {
                        failures.add(new AssertionError("different score for " + c));
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
