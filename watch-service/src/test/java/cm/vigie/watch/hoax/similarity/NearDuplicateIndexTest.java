package cm.vigie.watch.hoax.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import cm.vigie.watch.hoax.similarity.NearDuplicateIndex.Match;
import cm.vigie.watch.hoax.similarity.NearDuplicateIndex.Settings;

class NearDuplicateIndexTest {

    private static NearDuplicateIndex<String> index() {
        NearDuplicateIndex.Builder<String> builder = NearDuplicateIndex.builder(Settings.DEFAULT);
        builder.add("vaccine", "Le vaccin contre la COVID-19 contient une puce 5G pour surveiller la population.");
        builder.add("vaccine", "COVID-19 vaccines contain a 5G microchip to track people.");
        builder.add("salt", "Le sel iodé distribué dans les écoles rend les enfants stériles.");
        return builder.build();
    }

    @Test
    void theSameTextMatchesWithSimilarityOne() {
        List<Match<String>> matches = index().query("Le sel iodé distribué dans les écoles rend les enfants stériles.");
        assertEquals(1, matches.size());
        assertEquals("salt", matches.get(0).key());
        assertEquals(1.0, matches.get(0).similarity(), 1e-9);
    }

    @Test
    void eitherLanguageVariantFindsTheKeyOnce() {
        List<Match<String>> matches = index().query("covid 19 vaccines contain a 5g microchip to track innocent people!!");
        assertEquals(List.of("vaccine"), matches.stream().map(Match::key).toList());
        assertTrue(matches.get(0).similarity() >= Settings.DEFAULT.threshold());
        assertTrue(matches.get(0).similarity() < 1.0);
    }

    @Test
    void aClaimQuotedInALongerPostIsFound() {
        List<Match<String>> matches = index().query("""
                Mes frères, écoutez bien ce que personne ne vous dira à la télévision ce soir: le sel iodé distribué dans
                les écoles rend les enfants stériles. Ma cousine infirmière l'a confirmé hier au marché, partagez vite""");
        assertEquals(List.of("salt"), matches.stream().map(Match::key).toList());
    }

    @Test
    void unrelatedAndTooShortTextsMatchNothing() {
        assertTrue(index().query("Les Lions indomptables affrontent la Suisse samedi en Coupe du monde.").isEmpty());
        assertTrue(index().query("vaccin puce").isEmpty());
        assertTrue(NearDuplicateIndex.<String>empty(Settings.DEFAULT).query("le vaccin contient une puce 5G").isEmpty());
    }

    @Test
    void tooShortClaimsAreNotIndexed() {
        assertFalse(NearDuplicateIndex.<String>builder(Settings.DEFAULT).add("x", "Fake news!"));
    }

    @Test
    void minHashEstimatesJaccard() {
        MinHasher hasher = new MinHasher(512, 7);
        Shingles a = Shingles.of(List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"));
        Shingles b = Shingles.of(List.of("a1", "a2", "a3", "a4", "b5", "b6", "b7", "b8"));
        double exact = (double) a.intersection(b) / (a.size() + b.size() - a.intersection(b));
        assertEquals(exact, MinHasher.estimate(hasher.signature(a), hasher.signature(b)), 0.08);
    }
}
