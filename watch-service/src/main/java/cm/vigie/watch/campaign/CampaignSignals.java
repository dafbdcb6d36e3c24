package cm.vigie.watch.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import cm.vigie.watch.campaign.CampaignSignal.Kind;

/** The explained signals of one coordinated group. */
final class CampaignSignals {

    private CampaignSignals() {
    }

    static List<CampaignSignal> of(Set<String> accounts, List<SharedPost> posts, double similaritySum, int textPairs,
            Set<String> objects, double medianGapSeconds, Duration youngAccount, double hashtagShare) {
        List<CampaignSignal> signals = new ArrayList<>();
        signals.add(new CampaignSignal(Kind.ACCOUNTS, accounts.size(),
                "%d comptes ont publié les mêmes contenus à quelques instants d'intervalle".formatted(accounts.size()),
                "%d accounts published the same content moments apart".formatted(accounts.size())));
        signals.add(new CampaignSignal(Kind.SYNCHRONISATION, medianGapSeconds,
                "%s s en médiane entre deux publications d'un même contenu".formatted(format(medianGapSeconds)),
                "%s s median between two posts of the same content".formatted(format(medianGapSeconds))));
        young(posts, youngAccount).ifPresent(signals::add);
        if (textPairs > 0) {
            double similarity = similaritySum / textPairs;
            signals.add(new CampaignSignal(Kind.TEXT_SIMILARITY, similarity,
                    "textes identiques à %d %% en moyenne".formatted(Math.round(similarity * 100)),
                    "texts %d%% identical on average".formatted(Math.round(similarity * 100))));
        }
        long links = objects.stream().filter(object -> object.startsWith("link:")).count();
        if (links > 0) {
            signals.add(new CampaignSignal(Kind.SHARED_LINKS, links, "%d liens partagés ensemble".formatted(links),
                    "%d links shared together".formatted(links)));
        }
        long images = objects.stream().filter(object -> object.startsWith("image:")).count();
        if (images > 0) {
            signals.add(new CampaignSignal(Kind.SHARED_IMAGES, images, "%d images identiques".formatted(images),
                    "%d identical images".formatted(images)));
        }
        Set<String> platforms = new TreeSet<>();
        posts.forEach(post -> platforms.add(post.platform()));
        if (platforms.size() > 1) {
            signals.add(new CampaignSignal(Kind.PLATFORMS, platforms.size(),
                    "sur %d plateformes : %s".formatted(platforms.size(), String.join(", ", platforms)),
                    "across %d platforms: %s".formatted(platforms.size(), String.join(", ", platforms))));
        }
        List<String> pushed = pushedHashtags(posts, hashtagShare);
        if (!pushed.isEmpty()) {
            signals.add(new CampaignSignal(Kind.HASHTAGS, pushed.size(),
                    "mots-dièse poussés : " + String.join(" ", pushed), "hashtags pushed: " + String.join(" ", pushed)));
        }
        Set<String> hoaxes = new TreeSet<>();
        posts.forEach(post -> hoaxes.addAll(post.hoaxes()));
        if (!hoaxes.isEmpty()) {
            signals.add(new CampaignSignal(Kind.KNOWN_HOAXES, hoaxes.size(),
                    "%d fausse(s) information(s) connue(s) relayée(s)".formatted(hoaxes.size()),
                    "%d known hoax(es) carried".formatted(hoaxes.size())));
        }
        long impersonators = posts.stream().filter(SharedPost::impersonates).map(SharedPost::account).distinct().count();
        if (impersonators > 0) {
            signals.add(new CampaignSignal(Kind.IMPERSONATORS, impersonators,
                    "%d compte(s) imitant une personnalité ou un compte officiel".formatted(impersonators),
                    "%d account(s) impersonating a protected person or an official account".formatted(impersonators)));
        }
        return List.copyOf(signals);
    }

    private static Optional<CampaignSignal> young(List<SharedPost> posts, Duration young) {
        Map<String, SharedPost> first = new HashMap<>();
        for (SharedPost post : posts) {
            first.merge(post.account(), post, (a, b) -> a.at().isBefore(b.at()) ? a : b);
        }
        int known = 0;
        int youngCount = 0;
        for (SharedPost post : first.values()) {
            Instant created = post.accountCreatedAt();
            if (created != null) {
                known++;
                if (Duration.between(created, post.at()).compareTo(young) < 0) {
                    youngCount++;
                }
            }
        }
        if (known == 0) {
            return Optional.empty();
        }
        double share = (double) youngCount / known;
        return Optional.of(new CampaignSignal(Kind.YOUNG_ACCOUNTS, share,
                "%d %% des comptes ont moins de %d jours".formatted(Math.round(share * 100), young.toDays()),
                "%d%% of the accounts are less than %d days old".formatted(Math.round(share * 100), young.toDays())));
    }

    private static List<String> pushedHashtags(List<SharedPost> posts, double share) {
        Map<String, Integer> counts = new HashMap<>();
        for (SharedPost post : posts) {
            post.hashtags().stream().map(tag -> tag.toLowerCase(Locale.ROOT)).distinct()
                    .forEach(tag -> counts.merge(tag, 1, Integer::sum));
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= Math.max(2, share * posts.size()))
                .map(Map.Entry::getKey).sorted().map(tag -> tag.startsWith("#") ? tag : "#" + tag).toList();
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : String.format(Locale.ROOT, "%.1f", seconds);
    }
}
