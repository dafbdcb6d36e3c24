package cm.vigie.benchmarks.matching;

import cm.vigie.watch.matching.MatchDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The posts and watchlist queries of the matching benchmark, generated from a seed so that every JMH fork and the
 * agreement check see exactly the same data.
 *
 * <p>Posts: French or English (half each), 20 to 60 words drawn from a Zipf distribution (exponent 1) over a
 * vocabulary of {@value #VOCABULARY} words per language (real frequent words first, then generated words, some
 * accented), with elisions, capitals, hashtags, mentions, emoji and URLs sprinkled in; author, platform, language
 * and domain set. Queries: the shapes watchlists have (alternatives of terms and prefixes, AND, NOT, phrases,
 * NEAR, hashtags, mentions, field filters) over words of middle frequency.
 */
public final class SyntheticCorpus {

    static final int VOCABULARY = 5_000;
    static final long SEED = 20_261_127L;

    private static final String[] FRENCH_HEAD = (
            "de la le et les des en un une du est que pour qui dans a par sur pas plus au ne se ce il avec sont "
            + "nous vous ils elle on mais ou comme tout aussi fait été leur très bien sans deux après même "
            + "santé vaccin hôpital école ministre gouvernement élection route eau électricité prix marché "
            + "pluie inondation police sécurité enfant femme jeune ville région Yaoundé Douala Garoua Bamenda "
            + "président assemblée député maire commune projet travaux pont grève enseignant étudiant examen "
            + "baccalauréat université médecin malade paludisme choléra épidémie campagne vaccination rumeur "
            + "information réseau sociaux vidéo photo message publication communiqué annonce décision citoyen "
            + "population village famille emploi chômage salaire carburant transport taxi moto accident").split(" ");
    private static final String[] ENGLISH_HEAD = (
            "the of and to in a is that for it on with as was be by this are not or at from but have an they "
            + "which you were we their has been all one there more would its so what about up out them when "
            + "health vaccine hospital school minister government election road water electricity price market "
            + "rain flood police security child woman youth city region president assembly mayor council "
            + "project works bridge strike teacher student exam university doctor patient malaria cholera "
            + "outbreak campaign vaccination rumour information network social video photo message post "
            + "statement announcement decision citizen people village family job unemployment salary fuel "
            + "transport accident fake news claim").split(" ");
    private static final String[] SYLLABLES = {
            "ba", "be", "bi", "bo", "ka", "ke", "ko", "da", "de", "di", "do", "fa", "fi", "ga", "go", "la", "le",
            "li", "lo", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "pa", "pe", "pi", "ra", "re", "ri", "ro",
            "sa", "se", "si", "so", "ta", "te", "ti", "to", "va", "vi", "za", "tion", "ment", "eur", "ier", "ous"};
    private static final String[] ACCENTED = {"é", "è", "ê", "à", "ô", "ç", "î", "û"};
    private static final String[] EMOJI = {"🔥", "😡", "🙏", "💉", "🇨🇲", "👉", "😂", "⚠️"};
    private static final String[] PLATFORMS = {"facebook", "x", "tiktok", "youtube", "rss", "telegram"};
    private static final String[] DOMAINS = {"crtv.cm", "cameroon-tribune.cm", "minsante.cm", "actucameroun.com",
            "journalducameroun.com", "bbc.com", "rfi.fr"};

    private final List<String> french;
    private final List<String> english;
    private final double[] zipf;

    public SyntheticCorpus() {
        Random random = new Random(SEED);
        french = vocabulary(FRENCH_HEAD, random, true);
        english = vocabulary(ENGLISH_HEAD, random, false);
        zipf = new double[VOCABULARY];
        double sum = 0;
        for (int rank = 0; rank < VOCABULARY; rank++) {
            sum += 1.0 / (rank + 1);
            zipf[rank] = sum;
        }
        for (int rank = 0; rank < VOCABULARY; rank++) {
            zipf[rank] /= sum;
        }
    }

    private static List<String> vocabulary(String[] head, Random random, boolean accents) {
        Set<String> words = new LinkedHashSet<>(List.of(head));
        while (words.size() < VOCABULARY) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            if (accents && random.nextInt(4) == 0) {
                int at = 1 + random.nextInt(word.length() - 1);
                word.replace(at, at + 1, ACCENTED[random.nextInt(ACCENTED.length)]);
            }
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    private int zipfRank(Random random) {
        double u = random.nextDouble();
        int low = 0;
        int high = VOCABULARY - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (zipf[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** {@code count} posts, the same for the same count. */
    public List<MatchDocument> posts(int count) {
        Random random = new Random(SEED + 1);
        List<MatchDocument> posts = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            boolean fr = random.nextBoolean();
            List<String> words = fr ? french : english;
            int length = 20 + random.nextInt(41);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                String word = words.get(zipfRank(random));
                int decoration = random.nextInt(100);
                if (decoration < 4) {
                    text.append('#').append(word);
                } else if (decoration < 6) {
                    text.append('@').append(word);
                } else if (decoration < 10 && fr) {
                    text.append("l'").append(word);
                } else if (decoration < 15 || i == 0) {
                    text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                } else {
                    text.append(word);
                }
                if (random.nextInt(25) == 0) {
                    text.append(EMOJI[random.nextInt(EMOJI.length)]);
                } else if (random.nextInt(12) == 0) {
                    text.append(random.nextBoolean() ? "," : ".");
                }
            }
            String domain = DOMAINS[random.nextInt(DOMAINS.length)];
            if (random.nextInt(8) == 0) {
                text.append(" https://www.").append(domain).append("/article/").append(p);
            }
            posts.add(new MatchDocument(text.toString(), "user" + random.nextInt(5_000),
                    PLATFORMS[random.nextInt(PLATFORMS.length)], fr ? "fr" : "en",
                    random.nextInt(4) == 0 ? List.of(domain) : List.of()));
        }
        return posts;
    }

    /** {@code count} watchlist queries; the first {@code n} are the same for every count above {@code n}. */
    public List<String> queries(int count) {
        Random random = new Random(SEED + 2);
        List<String> queries = new ArrayList<>(count);
        for (int q = 0; q < count; q++) {
            List<String> words = random.nextBoolean() ? french : english;
            queries.add(switch (random.nextInt(20)) {
                case 0, 1, 2, 3 -> word(random, words) + " OR " + word(random, words) + " OR " + prefix(random, words);
                case 4, 5, 6 -> "(" + word(random, words) + " OR " + word(random, words) + ") AND " + word(random, words);
                case 7, 8 -> word(random, words) + " " + word(random, words);
                case 9, 10 -> "\"" + word(random, words) + " " + word(random, words) + "\"";
                case 11, 12 -> word(random, words) + " NEAR/" + (1 + random.nextInt(5)) + " " + word(random, words);
                case 13, 14 -> word(random, words) + " NOT (" + word(random, words) + " OR " + word(random, words) + ")";
                case 15 -> "#" + word(random, words) + " OR @" + word(random, words);
                case 16 -> "platform:" + PLATFORMS[random.nextInt(PLATFORMS.length)] + " AND " + word(random, words);
                case 17 -> "domain:" + DOMAINS[random.nextInt(DOMAINS.length)] + " " + prefix(random, words);
                case 18 -> prefix(random, words) + " AND " + word(random, words);
                default -> word(random, words);
            });
        }
        return queries;
    }

    /** A word a watchlist would name: rank drawn log-uniformly between 30 and the vocabulary size. */
    private String word(Random random, List<String> words) {
        int rank = (int) Math.floor(Math.exp(Math.log(30) + random.nextDouble() * (Math.log(VOCABULARY) - Math.log(30))));
        String word = words.get(Math.min(rank, VOCABULARY - 1));
        String upper = word.toUpperCase(Locale.ROOT);
        boolean operator = upper.equals("AND") || upper.equals("OR") || upper.equals("NOT") || upper.equals("NEAR");
        return random.nextInt(5) == 0 && !operator ? upper : word;
    }

    private String prefix(Random random, List<String> words) {
        String word = word(random, words);
        return word.substring(0, Math.min(word.length(), 4 + random.nextInt(3))) + "*";
    }
}
