package cm.vigie.examples;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.client.ApiClient;
import cm.vigie.client.api.AlertsApi;
import cm.vigie.client.api.ExercisesApi;
import cm.vigie.client.api.MentionsApi;
import cm.vigie.client.api.WatchlistsApi;
import cm.vigie.client.model.AlertRule;
import cm.vigie.client.model.Exercise;
import cm.vigie.client.model.ExerciseDebrief;
import cm.vigie.client.model.ExerciseStartRequest;
import cm.vigie.client.model.IngestResult;
import cm.vigie.client.model.MentionAuthor;
import cm.vigie.client.model.MentionBatch;
import cm.vigie.client.model.MentionInput;
import cm.vigie.client.model.RuleType;
import cm.vigie.client.model.Watchlist;
import cm.vigie.client.model.WatchlistRequest;

/**
 * Vigie from Java in one file, with the published client {@code cm.vigie:vigie-client-java}: sign in, rehearse in a
 * crisis exercise, create a watchlist, ingest a mention, receive its alert live, read the exercise's debrief, clean up.
 *
 * <pre>
 * java -cp 'vigie-client-java.jar:jackson-*.jar:...' cm.vigie.examples.Quickstart \
 *     http://127.0.0.1:8080 http://127.0.0.1:8180 minsante admin demo
 * </pre>
 *
 * Everything happens inside an exercise so that the demo institution's real data stays untouched: the watchlist, the
 * mention and its alert are marked with the exercise's id, and deleting the exercise deletes them.
 */
public final class Quickstart {

    /** What the run produced (the end-to-end suite checks it). */
    public record Result(UUID exerciseId, UUID watchlistId, UUID alertId, String alertEvent, ExerciseDebrief debrief) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ALERT_WAIT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String keycloak = args.length > 1 ? args[1] : "http://127.0.0.1:8180";
        String realm = args.length > 2 ? args[2] : "minsante";
        String user = args.length > 3 ? args[3] : "admin";
        String password = args.length > 4 ? args[4] : "demo";
        run(gateway, keycloak, realm, user, password, System.out::println);
    }

    public static Result run(String gateway, String keycloak, String realm, String user, String password,
            Consumer<String> log) throws Exception {
        // plain HTTP/1.1 for the event stream, as browsers use on http:// (no h2c upgrade attempt)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5)).build();

        // 1. Sign in. A script may use the password grant of the realm's public client; a browser uses the
        //    authorization code flow with PKCE instead (docs/frontend.md).
        String token = signIn(http, keycloak, realm, user, password);
        log.accept("signed in as " + user + " in realm " + realm);

        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway);
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        ExercisesApi exercises = new ExercisesApi(client);
        WatchlistsApi watchlists = new WatchlistsApi(client);
        MentionsApi mentions = new MentionsApi(client);

        // 2. Listen to the institution's alerts before anything happens (one stream serves the whole session).
        try (AlertStream stream = AlertStream.open(http, gateway, token)) {

            // 3. A rehearsal: an exercise of the scenario library at normal speed (institution admins start them).
            Exercise exercise = exercises.startExercise(ExercisesApi.APIStartExerciseRequest.newBuilder()
                    .exerciseStartRequest(new ExerciseStartRequest().scenarioId("demo-health-centre").speed(1)).build());
            UUID exerciseId = exercise.getId();
            log.accept("exercise " + exerciseId + " started");
            boolean stopped = false;
            try {
                // 4. A watchlist: every mention with this word raises an alert.
                String word = "quickstart" + Long.toString(System.nanoTime(), 36);
                Watchlist watchlist = watchlists.createWatchlist(WatchlistsApi.APICreateWatchlistRequest.newBuilder()
                        // the rule is explicit: the Java client sends an unset list as [] (and no rules raise no alert)
                        .watchlistRequest(new WatchlistRequest().name("Quickstart " + word).query(word).exerciseId(exerciseId)
                                .addAlertRulesItem(new AlertRule().type(RuleType.KEYWORD)))
                        .build());
                log.accept("watchlist " + watchlist.getId() + " watches " + word);

                // 5. A mention, marked with the exercise like the watchlist.
                IngestResult ingested = mentions.ingestWatchMentions(MentionsApi.APIIngestWatchMentionsRequest.newBuilder()
                        .mentionBatch(new MentionBatch().exerciseId(exerciseId).addMentionsItem(new MentionInput()
                                .platform("X")
                                .externalId("quickstart-" + UUID.randomUUID())
                                .author(new MentionAuthor().handle("mama_ngo237").displayName("Mama Ngo").followers(1200L))
                                .text("Alerte " + word + " : le centre de santé de Nkol-Ewoué serait fermé, partagez !")
                                .language("fr")
                                .publishedAt(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(30))))
                        .build());
                log.accept("mention ingested: " + ingested.getAccepted() + " accepted");

                // 6. Its alert, live: the first ALERT_CREATED of our watchlist.
                JsonNode alert = stream.next("ALERT_CREATED",
                        data -> watchlist.getId().toString().equals(data.path("watchlistId").asText()), ALERT_WAIT)
                        .orElseThrow(() -> new IllegalStateException("no alert of watchlist " + watchlist.getId()
                                + " on the stream within " + ALERT_WAIT + " (" + stream.linesRead() + " lines read); the exercise's alerts: " + alertsOf(client, exerciseId)));
                UUID alertId = UUID.fromString(alert.path("id").asText());
                log.accept("alert " + alertId + " received live: " + alert.path("title").asText()
                        + " (" + alert.path("severity").asText() + ")");

                // 7. End the exercise and read its debrief: times, decision, expected alerts, false alarms, score.
                exercises.stopExercise(ExercisesApi.APIStopExerciseRequest.newBuilder().id(exerciseId).build());
                stopped = true;
                ExerciseDebrief debrief = exercises.getExerciseDebrief(ExercisesApi.APIGetExerciseDebriefRequest
                        .newBuilder().id(exerciseId).build());
                log.accept("debrief: score " + debrief.getScore() + "/100, " + debrief.getMissed()
                        + " expected alert(s) missed, " + debrief.getFalseAlarms().size() + " false alarm(s)");
                return new Result(exerciseId, watchlist.getId(), alertId, alert.toString(), debrief);
            } finally {
                // 8. Deleting a stopped exercise deletes everything marked with it: watchlist, mention, alert.
                if (!stopped) {
                    exercises.stopExercise(ExercisesApi.APIStopExerciseRequest.newBuilder().id(exerciseId).build());
                }
                exercises.deleteExercise(ExercisesApi.APIDeleteExerciseRequest.newBuilder().id(exerciseId).build());
                log.accept("exercise " + exerciseId + " deleted with its data");
            }
        }
    }

    /** The alerts of the exercise, as listed (to tell a missed event from a missing alert). */
    private static String alertsOf(ApiClient client, UUID exerciseId) {
        try {
            return new AlertsApi(client).listWatchAlerts(AlertsApi.APIListWatchAlertsRequest.newBuilder()
                    .exerciseId(exerciseId).size(100).build()).getItems().toString();
        } catch (Exception e) {
            return "(could not list them: " + e + ")";
        }
    }

    private static String signIn(HttpClient http, String keycloak, String realm, String user, String password)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=vigie-console"
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in refused: HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /**
     * {@code GET /api/watch/alerts/stream}: Server-Sent Events read line by line on a thread of their own (the
     * generated client has no SSE support). Each event is {@code id:}, {@code event:} and {@code data:} lines, then an
     * empty line; lines starting with {@code :} are keep-alive comments.
     */
    private static final class AlertStream implements AutoCloseable {

        private record Event(String name, String data) {
        }

        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final AtomicInteger lines = new AtomicInteger();

        private AlertStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            Thread.ofPlatform().daemon().name("vigie-alert-stream").start(this::read);
        }

        /** Answers once the server answered 200: events raised from then on are received. */
        static AlertStream open(HttpClient http, String gateway, String token) throws IOException, InterruptedException {
            HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/watch/alerts/stream"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                throw new IllegalStateException("stream refused: HTTP " + response.statusCode() + " " + body);
            }
            return new AlertStream(response);
        }

        private void read() {
            Map<String, String> fields = new HashMap<>();
            try {
                response.body().forEach(line -> {
                    lines.incrementAndGet();
                    if (line.isEmpty()) {
                        if (fields.containsKey("data")) {
                            events.add(new Event(fields.get("event"), fields.get("data")));
                        }
                        fields.clear();
                    } else if (!line.startsWith(":")) {
                        int colon = line.indexOf(':');
                        String field = colon < 0 ? line : line.substring(0, colon);
                        String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                        fields.merge(field, value, (a, b) -> a + "\n" + b);
                    }
                });
            } catch (RuntimeException e) {
                // closed
            }
        }

        /** The data of the next event named {@code name} whose data passes {@code accept}, or empty after {@code timeout}. */
        Optional<JsonNode> next(String name, Predicate<JsonNode> accept, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Event event = events.poll(left, TimeUnit.NANOSECONDS);
                if (event != null && name.equals(event.name())) {
                    JsonNode data = JSON.readTree(event.data());
                    if (accept.test(data)) {
                        return Optional.of(data);
                    }
                }
            }
            return Optional.empty();
        }

        /** Lines read so far, keep-alive comments included (for a diagnosis). */
        int linesRead() {
            return lines.get();
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
