package cm.vigie.plan.exercise.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A validated exercise scenario (format: docs/scenarios.md, CONTRACTS section 5). */
@org.eclipse.microprofile.openapi.annotations.media.Schema(hidden = true)
public record Scenario(String id, Text title, Text summary, Duration duration, boolean gentle, List<Actor> actors,
        List<Person> persons, List<Hoax> hoaxes, List<Watchlist> watchlists, List<Inject> injects,
        Expectations expectations) {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ExerciseText", description = "A text in French and English")
    public record Text(String fr, String en) {
    }

    public record Actor(String id, String handle, String displayName, long followers, Instant createdAt,
            String impersonates) {
    }

    public record Person(String id, String fullName, List<String> titles, List<String> aliases) {
    }

    public record Hoax(String id, List<String> claims, String verdict, String debunkUrl) {
    }

    public record Watchlist(String id, String name, String query, String severity) {
    }

    public record Metrics(long likes, long shares, long comments, long views) {

        public long engagement() {
            return likes + shares + comments;
        }
    }

    public enum InjectType {
        MENTION, BURST, METRICS
    }

    /** One inject as written; {@code index} is its position in the file. */
    public record Inject(int index, Duration at, InjectType type, String ref, String actor, String platform, String lang,
            String text, Metrics metrics, boolean noise, int count, Duration over, List<String> actors,
            List<String> variants) {
    }

    public record ExpectedAlert(String rule, String hoax, String watchlist, String actor, String ref, Duration by) {

        /** What the alert is about, for people: "HOAX sterility". */
        public String subject() {
            String about = hoax != null ? hoax : watchlist != null ? watchlist : actor != null ? actor : ref;
            return rule + " " + about;
        }
    }

    public record Deadlines(Duration acknowledge, Duration responsePlan, Duration approval, Duration publication) {
    }

    public record Expectations(List<ExpectedAlert> alerts, String decision, Deadlines deadlines) {
    }

    /**
     * One post as the runner sends it: a MENTION, one post of a BURST, or the re-post of a METRICS inject (same
     * external id suffix as the MENTION it refers to, so watch-service counts it as a repeat with new metrics).
     */
    public record Post(Duration at, int injectIndex, int n, String idSuffix, Actor actor, String platform, String lang,
            String text, Metrics metrics, boolean noise, String ref, boolean repost) {

        public String externalId(Object exerciseId) {
            return "ex-" + exerciseId + "-" + idSuffix;
        }
    }

    public Optional<Actor> actor(String actorId) {
        return actors.stream().filter(a -> a.id().equals(actorId)).findFirst();
    }

    /** Mentions the scenario posts: MENTION injects plus BURST counts (METRICS re-posts excluded). */
    public int mentionCount() {
        return injects.stream().mapToInt(i -> switch (i.type()) {
            case MENTION -> 1;
            case BURST -> i.count();
            case METRICS -> 0;
        }).sum();
    }

    /** Every post in the order it is sent: by scenario time, then by inject and post number. */
    public List<Post> timeline() {
        List<Post> posts = new ArrayList<>();
        for (Inject inject : injects) {
            switch (inject.type()) {
                case MENTION -> posts.add(new Post(inject.at(), inject.index(), 0, inject.index() + "-0",
                        actor(inject.actor()).orElseThrow(), inject.platform(), inject.lang(), inject.text(), inject.metrics(),
                        inject.noise(), inject.ref(), false));
                case BURST -> {
                    long overMs = inject.over().toMillis();
                    for (int n = 0; n < inject.count(); n++) {
                        Duration at = inject.at().plusMillis(overMs * n / inject.count());
                        String actorId = inject.actors().get(n % inject.actors().size());
                        posts.add(new Post(at, inject.index(), n, inject.index() + "-" + n, actor(actorId).orElseThrow(),
                                inject.platform(), inject.lang(), inject.variants().get(n % inject.variants().size()),
                                inject.metrics(), inject.noise(), null, false));
                    }
                }
                case METRICS -> {
                    Inject original = injects.stream()
                            .filter(i -> i.type() == InjectType.MENTION && inject.ref().equals(i.ref())).findFirst().orElseThrow();
                    posts.add(new Post(inject.at(), inject.index(), 0, original.index() + "-0",
                            actor(original.actor()).orElseThrow(), original.platform(), original.lang(), original.text(),
                            inject.metrics(), original.noise(), inject.ref(), true));
                }
            }
        }
        posts.sort(Comparator.comparing(Post::at).thenComparingInt(Post::injectIndex).thenComparingInt(Post::n));
        return List.copyOf(posts);
    }
}
