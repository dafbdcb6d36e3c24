package cm.vigie.benchmarks.hoax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Claims and posts for the hoax benchmark, from a Zipf vocabulary of French and English-looking words (fixed seed:
 * every run compares the same work). One post in ten restates a claim (words reordered, one dropped, one changed,
 * emoji, a hashtag and a link added, capitals); the others are ordinary posts of 20 to 60 words.
 */
final class SyntheticClaims {

    private static final String[] SYLLABLES = { "ma", "to", "ri", "sa", "ne", "lo", "ka", "vi", "de", "mou", "ban", "gui",
            "cha", "pre", "sti", "von", "lek", "dou", "ala", "yo" };
    private static final String[] EMOJI = { "😱", "🚨", "😡", "🙏", "👉" };
    private static final int VOCABULARY = 20_000;

    private final String[] words;
    private final double[] cumulative;
    private final SplittableRandom random = new SplittableRandom(20261127);

    SyntheticClaims() {
        words = new String[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder word = new StringBuilder();
            int n = i;
            do {
                word.append(SYLLABLES[n % SYLLABLES.length]);
                n /= SYLLABLES.length;
            } while (n > 0);
            words[i] = word.append(i % 7 == 0 ? "é" : "").toString();
        }
        cumulative = new double[VOCABULARY];
        double sum = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            cumulative[i] /= sum;
        }
    }

    List<String> claims(int count) {
        List<String> claims = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            claims.add(String.join(" ", sentence(10 + random.nextInt(11))));
        }
        return claims;
    }

    /** Posts, and for each the index of the claim it restates, or -1. */
    record Posts(List<String> texts, int[] restates) {
    }

    Posts posts(int count, List<String> claims) {
        List<String> texts = new ArrayList<>(count);
        int[] restates = new int[count];
        for (int i = 0; i < count; i++) {
            if (i % 10 == 0) {
                int claim = random.nextInt(claims.size());
                texts.add(restate(claims.get(claim)));
                restates[i] = claim;
            } else {
                texts.add(String.join(" ", sentence(20 + random.nextInt(41))));
                restates[i] = -1;
            }
        }
        return new Posts(texts, restates);
    }

    private String restate(String claim) {
        List<String> words = new ArrayList<>(List.of(claim.split(" ")));
        Collections.swap(words, 0, words.size() - 1);
        words.remove(1 + random.nextInt(words.size() - 2));
        words.set(random.nextInt(words.size()), zipf());
        words.add(0, EMOJI[random.nextInt(EMOJI.length)]);
        words.add("#" + zipf());
        words.add("https://bit.ly/" + Integer.toHexString(random.nextInt()));
        String text = String.join(" ", words);
        return random.nextBoolean() ? text.toUpperCase(java.util.Locale.ROOT) : text;
    }

    private List<String> sentence(int length) {
        List<String> sentence = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            sentence.add(zipf());
        }
        return sentence;
    }

    private String zipf() {
        double u = random.nextDouble();
        int low = 0;
        int high = VOCABULARY - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return words[low];
    }
}
