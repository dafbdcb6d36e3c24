package cm.vigie.watch.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The parts of an exercise scenario (docs/scenarios.md) that watch-service sees: watchlist queries, hoax claims, and
 * every post the injects produce, with its scenario time. Deliberately minimal: plan-service owns the full parser
 * and validator; this only reads what the matching checks need, and fails loudly on what it cannot read.
 */
record ScenarioPosts(String id, Path file, boolean gentle, Map<String, String> watchlists,
        Map<String, List<String>> hoaxes, Map<String, Actor> actors, List<Post> posts, List<Metrics> metrics,
        JsonNode expectations) {

    static final Path LIBRARY = Path.of("..", "plan-service", "src", "main", "resources", "scenarios");

    record Actor(String id, String handle, String impersonates) {
    }

    /**
     * One post as the exercise runner sends it. A BURST of {@code count} posts over {@code over} puts post {@code n}
     * at {@code at + n·over/count}, with {@code variants[n mod v]} and {@code actors[n mod a]}.
     */
    record Post(String where, Duration at, String text, Actor actor, String platform, String lang, boolean noise,
            String ref, long engagement) {
    }

    record Metrics(String ref, Duration at, long engagement) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<ScenarioPosts> library() {
        try (Stream<Path> files = Files.list(LIBRARY)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().map(ScenarioPosts::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + LIBRARY.toAbsolutePath(), e);
        }
    }

    static ScenarioPosts read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String id = required(root, "id", file).asText();
        Map<String, String> watchlists = new LinkedHashMap<>();
        for (JsonNode w : root.path("watchlists")) {
            watchlists.put(required(w, "id", file).asText(), required(w, "query", file).asText());
        }
        Map<String, List<String>> hoaxes = new LinkedHashMap<>();
        for (JsonNode h : root.path("hoaxes")) {
            List<String> claims = new ArrayList<>();
            required(h, "claims", file).forEach(c -> claims.add(c.asText()));
            hoaxes.put(required(h, "id", file).asText(), claims);
        }
        Map<String, Actor> actors = new LinkedHashMap<>();
        for (JsonNode a : root.path("actors")) {
            String actorId = required(a, "id", file).asText();
            actors.put(actorId, new Actor(actorId, required(a, "handle", file).asText(),
                    a.hasNonNull("impersonates") ? a.get("impersonates").asText() : null));
        }
        List<Post> posts = new ArrayList<>();
        List<Metrics> metrics = new ArrayList<>();
        JsonNode injects = required(root, "injects", file);
        for (int i = 0; i < injects.size(); i++) {
            JsonNode inject = injects.get(i);
            String where = file.getFileName() + " injects[" + i + "]";
            Duration at = Duration.parse(required(inject, "at", file).asText());
            String type = required(inject, "type", file).asText();
            switch (type) {
                case "MENTION" -> posts.add(new Post(where, at, required(inject, "text", file).asText(),
                        actor(actors, required(inject, "actor", file).asText(), where),
                        required(inject, "platform", file).asText(), required(inject, "lang", file).asText(),
                        inject.path("noise").asBoolean(false),
                        inject.hasNonNull("ref") ? inject.get("ref").asText() : null, engagement(inject.path("metrics"))));
                case "BURST" -> {
                    int count = required(inject, "count", file).asInt();
                    Duration over = Duration.parse(required(inject, "over", file).asText());
                    JsonNode variants = required(inject, "variants", file);
                    JsonNode burstActors = required(inject, "actors", file);
                    if (count < 1 || variants.isEmpty() || burstActors.isEmpty()) {
                        throw new IllegalStateException(where + ": a BURST needs count ≥ 1, variants and actors");
                    }
                    for (int n = 0; n < count; n++) {
                        posts.add(new Post(where + " post " + n, at.plus(over.multipliedBy(n).dividedBy(count)),
                                variants.get(n % variants.size()).asText(),
                                actor(actors, burstActors.get(n % burstActors.size()).asText(), where),
                                required(inject, "platform", file).asText(), required(inject, "lang", file).asText(),
                                inject.path("noise").asBoolean(false), null, 0));
                    }
                }
                case "METRICS" -> metrics.add(new Metrics(required(inject, "ref", file).asText(), at,
                        engagement(required(inject, "metrics", file))));
                default -> throw new IllegalStateException(where + ": unknown inject type " + type);
            }
        }
        return new ScenarioPosts(id, file, root.path("gentle").asBoolean(false), watchlists, hoaxes, actors, posts,
                metrics, root.path("expectations"));
    }

    /** Likes + shares + comments, as watch-service's REACH rule counts engagement. */
    static long engagement(JsonNode metrics) {
        return metrics.path("likes").asLong(0) + metrics.path("shares").asLong(0) + metrics.path("comments").asLong(0);
    }

    String platformCode(Post post) {
        return post.platform().toLowerCase(Locale.ROOT);
    }

    private static Actor actor(Map<String, Actor> actors, String id, String where) {
        Actor actor = actors.get(id);
        if (actor == null) {
            throw new IllegalStateException(where + ": unknown actor " + id);
        }
        return actor;
    }

    private static JsonNode required(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(file.getFileName() + ": missing " + field + " in " + node);
        }
        return value;
    }
}
