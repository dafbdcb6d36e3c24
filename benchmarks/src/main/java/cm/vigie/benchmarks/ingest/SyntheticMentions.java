package cm.vigie.benchmarks.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Bilingual posts of 20 to 60 words drawn from a Zipf-distributed vocabulary (rank r has weight 1/r), with
 * hashtags, mentions and the odd URL, as JSON items of a batch. Seeded: every run ingests the same corpus.
 */
public final class SyntheticMentions {

    private static final String[] FRENCH = ("le la les de des du un une et est en que qui pour dans pas sur au aux ce "
            + "ministère santé vaccin vaccination hôpital école enseignants grève électricité coupure eau route "
            + "Douala Yaoundé Bamenda Garoua Bafoussam Maroua paludisme choléra rougeole campagne gouvernement "
            + "ministre décret rumeur fausse nouvelle vérité partagez attention alerte prix carburant marché "
            + "inondation pluie récolte université concours bourse salaire retraite police sécurité frontière "
            + "élection préfet mairie maire quartier jeunesse sport football Lions Indomptables").split(" ");
    private static final String[] ENGLISH = ("the and is are of to in that it for on with as was were be this by not "
            + "ministry health vaccine vaccination hospital school teachers strike electricity outage water road "
            + "Douala Yaounde Bamenda Limbe Buea Kumba malaria cholera measles campaign government minister decree "
            + "rumour fake news truth share warning alert price fuel market flood rain harvest university exam "
            + "scholarship salary pension police security border election mayor council youth sport football").split(" ");

    private final SplittableRandom random;
    private final double[] frenchWeights;
    private final double[] englishWeights;

    public SyntheticMentions(long seed) {
        this.random = new SplittableRandom(seed);
        this.frenchWeights = zipf(FRENCH.length);
        this.englishWeights = zipf(ENGLISH.length);
    }

    /** Words a watchlist query may use, the rarer half of each vocabulary. */
    public static List<String> queryTerms() {
        List<String> terms = new ArrayList<>();
        for (int i = 20; i < FRENCH.length; i++) {
            terms.add(FRENCH[i].toLowerCase(Locale.ROOT));
        }
        for (int i = 20; i < ENGLISH.length; i++) {
            terms.add(ENGLISH[i].toLowerCase(Locale.ROOT));
        }
        return terms;
    }

    public String text() {
        boolean french = random.nextInt(100) < 60;
        String[] words = french ? FRENCH : ENGLISH;
        double[] weights = french ? frenchWeights : englishWeights;
        int length = 20 + random.nextInt(41);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            int roll = random.nextInt(100);
            String word = words[pick(weights)];
            if (roll < 3) {
                text.append('#').append(word.toLowerCase(Locale.ROOT));
            } else if (roll < 4) {
                text.append("@user").append(random.nextInt(500));
            } else {
                text.append(word);
            }
        }
        if (random.nextInt(10) == 0) {
            text.append(" https://www.example").append(random.nextInt(20)).append(".cm/article/").append(random.nextInt(100_000));
        }
        return text.toString();
    }

    /** One batch item; {@code externalId} must be unique per run. */
    public String item(String externalId, Instant publishedAt) {
        return "{\"platform\":\"" + (random.nextInt(3) == 0 ? "X" : "FACEBOOK") + "\",\"externalId\":\"" + externalId
                + "\",\"author\":{\"handle\":\"author" + random.nextInt(5_000) + "\",\"displayName\":\"Author\",\"followers\":"
                + random.nextInt(10_000) + "},\"text\":\"" + text() + "\",\"publishedAt\":\"" + publishedAt
                + "\",\"metrics\":{\"likes\":" + random.nextInt(200) + ",\"shares\":" + random.nextInt(50)
                + ",\"comments\":" + random.nextInt(30) + ",\"views\":" + random.nextInt(5_000) + "}}";
    }

    private int pick(double[] cumulative) {
        double roll = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] < roll) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 1; rank <= size; rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        return cumulative;
    }
}
