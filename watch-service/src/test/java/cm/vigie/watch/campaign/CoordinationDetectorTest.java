package cm.vigie.watch.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cm.vigie.watch.campaign.CampaignSignal.Kind;

class CoordinationDetectorTest {

    private static final Instant T0 = Instant.parse("2026-12-08T09:00:00Z");
    private static final String SCAM = "Le ministère de la Santé recrute 500 agents, inscription ouverte aujourd'hui "
            + "seulement, frais de dossier 5000 FCFA par Orange Money au 677 12 34 56";
    private static final String STATEMENT = "Communiqué : la campagne de vaccination contre la poliomyélite commence "
            + "lundi dans les dix régions, elle est gratuite et aucun paiement ne vous sera demandé";

    @Test
    void twentyFreshAccountsPostingOneTextWithinTwoMinutesAreOneExplainedCampaign() {
        CoordinationDetector detector = new CoordinationDetector(CoordinationSettings.DEFAULT, OfficialContent.NONE);
        for (int i = 0; i < 20; i++) {
            detector.add(post("scam-" + i, T0.plusSeconds(i * 6), (i % 3 == 0 ? "URGENT " : "") + SCAM,
                    List.of(), T0.minus(Duration.ofDays(3))));
        }
        detector.add(post("citizen", T0.plusSeconds(30), "Quelqu'un sait quand ouvre le centre de santé de Mvog-Ada ?",
                List.of(), T0.minus(Duration.ofDays(900))));

        List<DetectedCampaign> campaigns = detector.campaigns();
        assertEquals(1, campaigns.size());
        DetectedCampaign campaign = campaigns.get(0);
        assertEquals(20, campaign.accounts().size());
        assertEquals(20, campaign.posts().size());
        assertEquals("p-scam-0", campaign.key());
        assertEquals(6.0, campaign.signal(Kind.SYNCHRONISATION).value());
        assertEquals(1.0, campaign.signal(Kind.YOUNG_ACCOUNTS).value());
        assertTrue(campaign.signal(Kind.TEXT_SIMILARITY).value() > 0.9);
        assertEquals("100 % des comptes ont moins de 30 jours", campaign.signal(Kind.YOUNG_ACCOUNTS).explanationFr());
        assertEquals(T0, campaign.firstSeen());
        assertEquals(T0.plusSeconds(114), campaign.lastSeen());
    }

    @Test
    void fansRelayingTheInstitutionsOwnStatementAreNotACampaign() {
        OfficialContent official = new OfficialContent(List.of(STATEMENT), List.of("minsante.cm"));
        assertEquals(0, relay(new CoordinationDetector(CoordinationSettings.DEFAULT, official)).campaigns().size());
        // the same posts without the statement known: the allow-list is what tells them apart
        assertEquals(1, relay(new CoordinationDetector(CoordinationSettings.DEFAULT, OfficialContent.NONE)).campaigns().size());
    }

    @Test
    void oneViralArticleSharedInOwnWordsIsNotACampaignButTheSameAccountsPushingTwoLinksTogetherAre() {
        CoordinationDetector detector = new CoordinationDetector(CoordinationSettings.DEFAULT, OfficialContent.NONE);
        for (int i = 0; i < 10; i++) {
            detector.add(post("sharer-" + i, T0.plusSeconds(i * 5), "mon avis numéro " + i,
                    List.of("https://www.journal.cm/article/1?utm_source=facebook"), T0.minus(Duration.ofDays(500))));
        }
        assertEquals(List.of(), detector.campaigns());

        for (int i = 0; i < 10; i++) {
            detector.add(post("sharer-" + i + "-again", T0.plusSeconds(3600 + i * 5), "regardez " + i,
                    List.of("http://journal.cm/article/2/", "https://bit.ly/promo"), T0.minus(Duration.ofDays(500))));
        }
        List<DetectedCampaign> campaigns = detector.campaigns();
        assertEquals(1, campaigns.size(), "two links shared together by the same accounts within seconds");
        assertEquals(2.0, campaigns.get(0).signal(Kind.SHARED_LINKS).value());
    }

    @Test
    void postsFurtherApartThanTheWindowAreNotCoordinated() {
        CoordinationDetector detector = new CoordinationDetector(CoordinationSettings.DEFAULT, OfficialContent.NONE);
        for (int i = 0; i < 10; i++) {
            detector.add(post("slow-" + i, T0.plus(Duration.ofMinutes(5L * i)), SCAM, List.of(), null));
        }
        assertEquals(List.of(), detector.campaigns());
    }

    @Test
    void linksAreComparedWithoutTrackingParametersPrefixesOrTrailingSlashes() {
        assertEquals(Optional.of("journal.cm/article/1?id=3&page=2"),
                SharedLinks.key("HTTPS://www.Journal.cm/article/1/?utm_source=fb&page=2&fbclid=abc&id=3#comments"));
        assertEquals(SharedLinks.key("https://m.facebook.com/minsantecm/posts/1"),
                SharedLinks.key("facebook.com/minsantecm/posts/1/"));
        assertEquals(Optional.empty(), SharedLinks.key("not a link at all"));
        assertEquals("journal.cm", SharedLinks.host("journal.cm/article?x=1"));
    }

    private CoordinationDetector relay(CoordinationDetector detector) {
        for (int i = 0; i < 12; i++) {
            detector.add(post("fan-" + i, T0.plusSeconds(i * 4), "À partager : " + STATEMENT,
                    List.of("https://www.minsante.cm/communiques/polio"), T0.minus(Duration.ofDays(3))));
        }
        return detector;
    }

    private static SharedPost post(String account, Instant at, String text, List<String> links, Instant created) {
        return new SharedPost("p-" + account, account, "FACEBOOK", at, text, links, List.of(), null, created, List.of(),
                false);
    }
}
