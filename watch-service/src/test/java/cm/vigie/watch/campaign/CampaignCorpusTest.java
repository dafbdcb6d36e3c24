package cm.vigie.watch.campaign;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Campaign membership on the labelled corpus (issue 21: precision at least 0.9, recall at least 0.85), on two seeds so
 * that the thresholds are not fitted to one draw. Every mistake is printed.
 */
class CampaignCorpusTest {

    @Test
    void membershipPrecisionAndRecallOnTheLabelledCorpus() {
        for (long seed : new long[] {20261207L, 4242L}) {
            CampaignCorpus corpus = new CampaignCorpus(seed, 55, 5200);
            assertTrue(corpus.campaigns >= 50 && corpus.organic >= 5000, "the corpus holds what issue 21 asks");

            CoordinationDetector detector = new CoordinationDetector(CoordinationSettings.DEFAULT,
                    new OfficialContent(corpus.statements, corpus.officialDomains));
            // as ingestion does: campaigns are looked at as posts arrive (every 500 here), and kept once found
            Map<String, DetectedCampaign> byKey = new LinkedHashMap<>();
            for (int i = 0; i < corpus.posts.size(); i++) {
                detector.add(corpus.posts.get(i).post());
                if (i % 500 == 499 || i == corpus.posts.size() - 1) {
                    detector.campaigns().forEach(campaign -> byKey.put(campaign.key(), campaign));
                }
            }
            List<DetectedCampaign> found = List.copyOf(byKey.values());

            Map<String, String> truth = new HashMap<>();
            corpus.posts.stream().filter(l -> l.campaign() != null)
                    .forEach(l -> truth.put(l.post().account(), l.campaign()));
            Set<String> detected = new HashSet<>();
            found.forEach(campaign -> detected.addAll(campaign.accounts()));

            Set<String> falsePositives = new TreeSet<>(detected);
            falsePositives.removeAll(truth.keySet());
            Set<String> falseNegatives = new TreeSet<>(truth.keySet());
            falseNegatives.removeAll(detected);
            double precision = detected.isEmpty() ? 0 : (double) (detected.size() - falsePositives.size()) / detected.size();
            double recall = (double) (truth.size() - falseNegatives.size()) / truth.size();

            System.out.printf("seed %d: %d posts, %d campaigns (%d accounts); found %d campaigns (%d accounts): "
                    + "precision %.3f, recall %.3f%n", seed, corpus.posts.size(), corpus.campaigns, truth.size(),
                    found.size(), detected.size(), precision, recall);
            for (DetectedCampaign campaign : found) {
                Set<String> labels = new TreeSet<>();
                campaign.accounts().forEach(account -> labels.add(truth.getOrDefault(account, "organic")));
                if (labels.size() > 1 || labels.contains("organic")) {
                    System.out.printf("  mixed or false campaign %s: %d accounts, labels %s, signals %s%n",
                            campaign.key(), campaign.accounts().size(), labels, campaign.signals());
                }
            }
            falsePositives.forEach(account -> System.out.println("  false positive: " + account));
            falseNegatives.forEach(account -> System.out.println("  missed: " + account + " of " + truth.get(account)));

            assertTrue(precision >= 0.9, "campaign membership precision " + precision + " below 0.9 (seed " + seed + ")");
            assertTrue(recall >= 0.85, "campaign membership recall " + recall + " below 0.85 (seed " + seed + ")");
        }
    }
}
