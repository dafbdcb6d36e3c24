package cm.vigie.watch.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cm.vigie.watch.hoax.similarity.MinHasher;
import cm.vigie.watch.hoax.similarity.Shingles;

/**
 * Finds coordinated accounts in a stream of posts, incrementally (the pairwise method of CooRTweet, with the
 * co-activity network of CooRnet): two posts of different accounts that share an object (the same text, give or take a
 * few words; the same link; the same image) within {@link CoordinationSettings#window()} link their accounts; the
 * weight of a link is the number of distinct objects the two shared that way. A connected group of linked accounts is
 * a campaign when it is large and synchronised enough. A link alone links two accounts only after
 * {@link CoordinationSettings#minLinkObjects()} distinct links, so that a viral article is not a campaign, and the
 * institution's own statements and domains ({@link OfficialContent}) are never objects.
 *
 * <p>Texts are compared through MinHash signatures in locality-sensitive bands, so a post is compared only with the
 * recent posts likely to be the same text. Not thread-safe: one detector per institution, fed from one thread.
 */
public final class CoordinationDetector {

    private static final int BANDS = 32;
    private static final int ROWS = 2;
    private static final double CONTAINMENT_WEIGHT = 0.9;
    private static final double HASHTAG_SHARE = 0.3;

    private final CoordinationSettings settings;
    private final OfficialContent official;
    private final MinHasher hasher = new MinHasher(BANDS * ROWS, 0xC0_0D1_7A7EL);

    private final Deque<Recent> recent = new ArrayDeque<>();
    private final Map<Long, List<Recent>> textBands = new HashMap<>();
    private final Map<String, List<Recent>> byObject = new HashMap<>();
    private final Map<String, Coordinated> coordinated = new LinkedHashMap<>();
    private final Map<String, Edge> edges = new HashMap<>();
    private Instant newest = Instant.MIN;

    public CoordinationDetector(CoordinationSettings settings, OfficialContent official) {
        this.settings = settings;
        this.official = official;
    }

    /** A recent post, what it can share, and where it is indexed. */
    private record Recent(SharedPost post, Shingles shingles, long[] bandKeys, String textObject, Set<String> objects) {
    }

    /** A post that took part in coordination, with the objects it shared. */
    private record Coordinated(SharedPost post, Set<String> objects) {
    }

    /** Two accounts and what they shared within the window. */
    private static final class Edge {
        final String a;
        final String b;
        final Set<String> objects = new HashSet<>();
        double similaritySum;
        int textPairs;
        Instant last;

        Edge(String a, String b) {
            this.a = a;
            this.b = b;
        }

        boolean strong(int minLinkObjects) {
            int links = 0;
            for (String object : objects) {
                if (!object.startsWith("link:")) {
                    return true;
                }
                links++;
            }
            return links >= minLinkObjects;
        }
    }

    public void add(SharedPost post) {
        if (post.at().isAfter(newest)) {
            newest = post.at();
            forgetBefore(newest.minus(settings.window()).minus(settings.window()));
        }
        Shingles shingles = Shingles.of(post.text());
        long[] bandKeys = null;
        String textObject = null;
        if (shingles.words() >= settings.minTextWords() && !official.quotes(shingles)) {
            bandKeys = bandKeys(hasher.signature(shingles));
            Recent best = null;
            double bestSimilarity = 0;
            for (Recent candidate : textCandidates(bandKeys)) {
                double similarity = similarity(shingles, candidate.shingles());
                if (similarity >= settings.textSimilarity() && within(post, candidate.post())) {
                    if (similarity > bestSimilarity) {
                        best = candidate;
                        bestSimilarity = similarity;
                    }
                    if (!candidate.post().account().equals(post.account())) {
                        link(post, candidate.post(), "text:" + candidate.textObject(), similarity);
                    }
                }
            }
            textObject = best == null ? post.id() : best.textObject();
        }
        Set<String> objects = new LinkedHashSet<>();
        for (String link : post.links()) {
            SharedLinks.key(link).filter(key -> !official.owns(key)).ifPresent(key -> objects.add("link:" + key));
        }
        if (post.imageHash() != null && !post.imageHash().isBlank()) {
            objects.add("image:" + post.imageHash());
        }
        for (String object : objects) {
            for (Recent other : byObject.getOrDefault(object, List.of())) {
                if (!other.post().account().equals(post.account()) && within(post, other.post())) {
                    link(post, other.post(), object, Double.NaN);
                }
            }
        }
        Recent entry = new Recent(post, shingles, bandKeys, textObject, objects);
        recent.addLast(entry);
        if (bandKeys != null) {
            for (long key : bandKeys) {
                textBands.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            }
        }
        for (String object : objects) {
            byObject.computeIfAbsent(object, k -> new ArrayList<>()).add(entry);
        }
    }

    /** The campaigns among the coordination seen within the horizon, largest first. */
    public List<DetectedCampaign> campaigns() {
        Map<String, String> parent = new HashMap<>();
        for (Edge edge : edges.values()) {
            if (edge.strong(settings.minLinkObjects())) {
                union(parent, edge.a, edge.b);
            }
        }
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (String account : parent.keySet()) {
            groups.computeIfAbsent(find(parent, account), k -> new HashSet<>()).add(account);
        }
        List<DetectedCampaign> campaigns = new ArrayList<>();
        for (Set<String> accounts : groups.values()) {
            if (accounts.size() >= settings.minAccounts()) {
                campaign(accounts).ifPresent(campaigns::add);
            }
        }
        campaigns.sort(Comparator.comparingInt((DetectedCampaign c) -> c.accounts().size()).reversed()
                .thenComparing(DetectedCampaign::key));
        return campaigns;
    }

    private Optional<DetectedCampaign> campaign(Set<String> accounts) {
        List<Edge> inside = edges.values().stream()
                .filter(edge -> edge.strong(settings.minLinkObjects()) && accounts.contains(edge.a)).toList();
        Set<String> objects = new HashSet<>();
        inside.forEach(edge -> objects.addAll(edge.objects));
        List<SharedPost> posts = new ArrayList<>();
        Map<String, List<Instant>> timesByObject = new HashMap<>();
        for (Coordinated entry : coordinated.values()) {
            if (!accounts.contains(entry.post().account())) {
                continue;
            }
            boolean counted = false;
            for (String object : entry.objects()) {
                if (objects.contains(object)) {
                    timesByObject.computeIfAbsent(object, k -> new ArrayList<>()).add(entry.post().at());
                    counted = true;
                }
            }
            if (counted) {
                posts.add(entry.post());
            }
        }
        posts.sort(Comparator.comparing(SharedPost::at).thenComparing(SharedPost::id));
        double medianGap = medianGapSeconds(timesByObject.values());
        if (posts.isEmpty() || medianGap > settings.maxMedianGap().toSeconds()) {
            return Optional.empty();
        }
        return Optional.of(new DetectedCampaign(posts.get(0).id(), Set.copyOf(accounts), List.copyOf(posts),
                CampaignSignals.of(accounts, posts, inside.stream().mapToDouble(e -> e.similaritySum).sum(),
                        inside.stream().mapToInt(e -> e.textPairs).sum(), objects, medianGap, settings.youngAccount(),
                        HASHTAG_SHARE),
                posts.get(0).at(), posts.get(posts.size() - 1).at()));
    }

    private void link(SharedPost post, SharedPost other, String object, double similarity) {
        String a = post.account().compareTo(other.account()) < 0 ? post.account() : other.account();
        String b = a.equals(post.account()) ? other.account() : post.account();
        Edge edge = edges.computeIfAbsent(a + '\u0000' + b, k -> new Edge(a, b));
        edge.objects.add(object);
        if (!Double.isNaN(similarity)) {
            edge.similaritySum += similarity;
            edge.textPairs++;
        }
        edge.last = edge.last == null || post.at().isAfter(edge.last) ? post.at() : edge.last;
        coordinated.computeIfAbsent(post.id(), k -> new Coordinated(post, new HashSet<>())).objects().add(object);
        coordinated.computeIfAbsent(other.id(), k -> new Coordinated(other, new HashSet<>())).objects().add(object);
    }

    private boolean within(SharedPost a, SharedPost b) {
        return Duration.between(a.at(), b.at()).abs().compareTo(settings.window()) <= 0;
    }

    private Set<Recent> textCandidates(long[] bandKeys) {
        Set<Recent> candidates = new LinkedHashSet<>();
        for (long key : bandKeys) {
            candidates.addAll(textBands.getOrDefault(key, List.of()));
        }
        return candidates;
    }

    private long[] bandKeys(long[] signature) {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = band;
            for (int i = band * ROWS; i < (band + 1) * ROWS; i++) {
                key = (key * 0x100000001b3L) ^ signature[i];
            }
            keys[band] = key * 0x9E3779B97F4A7C15L;
        }
        return keys;
    }

    /** Drops recent posts too old to pair with what comes next, and coordination past the horizon. */
    private void forgetBefore(Instant cutoff) {
        while (!recent.isEmpty() && recent.peekFirst().post().at().isBefore(cutoff)) {
            Recent old = recent.removeFirst();
            if (old.bandKeys() != null) {
                for (long key : old.bandKeys()) {
                    remove(textBands, key, old);
                }
            }
            for (String object : old.objects()) {
                remove(byObject, object, old);
            }
        }
        Instant forgotten = newest.minus(settings.horizon());
        edges.values().removeIf(edge -> edge.last.isBefore(forgotten));
        Iterator<Coordinated> posts = coordinated.values().iterator();
        while (posts.hasNext() && posts.next().post().at().isBefore(forgotten)) {
            posts.remove();
        }
    }

    private static <K> void remove(Map<K, List<Recent>> index, K key, Recent entry) {
        List<Recent> entries = index.get(key);
        if (entries != null) {
            entries.remove(entry);
            if (entries.isEmpty()) {
                index.remove(key);
            }
        }
    }

    static double medianGapSeconds(Iterable<List<Instant>> timesByObject) {
        List<Long> gaps = new ArrayList<>();
        for (List<Instant> times : timesByObject) {
            List<Instant> sorted = times.stream().distinct().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)).toSeconds());
            }
        }
        if (gaps.isEmpty()) {
            return 0;
        }
        gaps.sort(null);
        int middle = gaps.size() / 2;
        return gaps.size() % 2 == 1 ? gaps.get(middle) : (gaps.get(middle - 1) + gaps.get(middle)) / 2.0;
    }

    /**
     * The larger of the Jaccard similarity and (slightly discounted) how much of the shorter text the longer one holds:
     * a copied text with a phone number or a call to share added is still the same text.
     */
    private static double similarity(Shingles a, Shingles b) {
        int common = a.intersection(b);
        double jaccard = (double) common / (a.size() + b.size() - common);
        return Math.max(jaccard, CONTAINMENT_WEIGHT * common / Math.min(a.size(), b.size()));
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    private static String find(Map<String, String> parent, String account) {
        parent.putIfAbsent(account, account);
        String root = account;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        String node = account;
        while (!node.equals(root)) {
            String next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }
}
