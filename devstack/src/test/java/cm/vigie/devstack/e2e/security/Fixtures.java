package cm.vigie.devstack.e2e.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cm.vigie.devstack.e2e.security.Api.Reply;
import cm.vigie.devstack.e2e.security.OpenApiOperations.Operation;

/**
 * Objects of institution A (minsante), one per collection, made on demand. The default recipe is the document's
 * own: POST on the collection with the operation's first example, its references (channelId, watchlistId, ...)
 * pointed at A's other fixtures and its names made unique. Collections whose objects are not created by a POST
 * (alerts, mentions, the shared hoax registry, institutions, calendar links) have an explicit recipe below. A
 * collection with neither fails the test: an operation with an id cannot escape the matrix unnoticed.
 */
final class Fixtures {

    static final String A = "minsante";
    static final String B = "mincom";

    /** Example-body fields that name another object, and the collection that object comes from. */
    private static final Map<String, String> REFERENCES = Map.of(
            "channelId", "/api/accounts/official",
            "watchlistId", "/api/watch/watchlists",
            "alertId", "/api/watch/alerts",
            "hoaxId", "/api/watch/hoaxes",
            "personId", "/api/accounts/persons",
            "planId", "/api/plans/communication-plans");
    /**
     * URLs that must pass a server-side check in a sandbox without DNS: webhooks refuse hosts that do not resolve
     * or resolve to private addresses, so theirs is a public address literal (TEST-NET-3, never routed).
     */
    private static final Map<String, String> URLS = Map.of("/api/watch/webhooks", "https://203.0.113.10/vigie-hook");
    /** Fields made unique in every created object (uniqueness constraints). */
    private static final Set<String> UNIQUE = Set.of("handle", "name", "title", "fullName", "displayName");

    /** A webhook secret that must never appear in a log. */
    final String webhookSecret = "whsec" + UUID.randomUUID().toString().replace("-", "");

    private final Api api;
    private final OpenApiOperations document;
    private final Permissions permissions;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> extras = new HashMap<>();
    private final Map<String, Supplier<String>> recipes = new HashMap<>();

    Fixtures(Api api, OpenApiOperations document, Permissions permissions) {
        this.api = api;
        this.document = document;
        this.permissions = permissions;
        recipes.put("/api/watch/alerts", this::alert);
        recipes.put("/api/watch/mentions", () -> {
            alert();
            return extras.get("mention");
        });
        recipes.put("/api/watch/hoaxes/shared", this::sharedHoax);
        recipes.put("/api/institutions", this::institutionA);
        recipes.put("/api/plans/exercises", this::stoppedExercise);
        recipes.put("/api/watch/exercises", this::exerciseData);
        recipes.put("/api/institutions/verifications", this::queuedClaim);
    }

    private String gateway() {
        return api.stack().gatewayUrl();
    }

    /** The id of A's object in this collection, creating it on first use. */
    synchronized String id(String collection) {
        String id = ids.get(collection);
        if (id != null) {
            return id;
        }
        Supplier<String> recipe = recipes.get(collection);
        if (recipe != null) {
            id = recipe.get();
        } else {
            Operation create = document.all().stream()
                    .filter(op -> op.method().equals("POST") && op.path().equals(collection) && op.jsonBody())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No way to get an id in " + collection
                            + ": no POST with a JSON body on it in the document and no recipe in Fixtures"));
            JsonNode created = create(create);
            // an invitation answers {member, activationSecret}: the member is the object created
            id = created.path("id").asText(created.path("member").path("id").asText());
            String url = created.path("url").asText("");
            if (url.endsWith(".ics")) { // a calendar feed's secret link, shown only at creation
                extras.put("calendarToken", url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length()));
            }
        }
        assertTrue(id != null && !id.isBlank(), "no id for " + collection);
        ids.put(collection, id);
        return id;
    }

    /** A's values for every path parameter of the operation. */
    Map<String, String> pathValues(Operation operation) {
        Map<String, String> values = new HashMap<>();
        for (String name : operation.pathParameters()) {
            switch (name) {
                case "id" -> values.put(name, id(operation.collection()));
                case "number" -> values.put(name, "1");
                case "token" -> values.put(name, calendarToken());
                default -> throw new AssertionError("No way to fill {" + name + "} of " + operation
                        + ": add it to Fixtures.pathValues");
            }
        }
        return values;
    }

    /** Who in A creates objects with this operation: its most capable allowed institution role. */
    String creator(Operation create) {
        String role = permissions.institutionRole(create.operationId());
        if (role == null) {
            throw new AssertionError(create + " is not open to institutions");
        }
        return Permissions.USER.get(role);
    }

    JsonNode create(Operation create) {
        JsonNode body = validBody(create);
        Reply reply = api.call(gateway(), "POST", create.path(), api.token(A, creator(create)), body.toString());
        assertTrue(reply.status() == 201 || reply.status() == 200, "creating A's object: " + reply);
        return reply.json();
    }

    /** The operation's first example, with references to A's fixtures and unique names; {} without an example. */
    JsonNode validBody(Operation operation) {
        JsonNode example = operation.example() == null ? Api.JSON.createObjectNode() : operation.example().deepCopy();
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        adapt(example, suffix);
        URLS.forEach((collection, url) -> {
            if (operation.path().startsWith(collection) && example instanceof ObjectNode object && object.has("url")) {
                object.put("url", url);
            }
        });
        return example;
    }

    private void adapt(JsonNode node, String suffix) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (REFERENCES.containsKey(name) && value.isTextual()) {
                    object.put(name, id(REFERENCES.get(name)));
                } else if (name.equals("objectiveId")) {
                    object.putNull(name);
                } else if (name.equals("secret") && value.isTextual()) {
                    object.put(name, webhookSecret);
                } else if (name.equals("shared") && value.isBoolean()) {
                    object.put(name, false);
                } else if (UNIQUE.contains(name) && value.isTextual()) {
                    object.put(name, value.asText() + suffix);
                } else if (name.equals("email") && value.isTextual() && value.asText().contains("@")) {
                    // a member's e-mail address is their user name in the realm: one per fixture
                    object.put(name, value.asText().replaceFirst("@", "." + suffix + "@"));
                } else {
                    adapt(value, suffix);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> adapt(element, suffix));
        }
    }

    /** A claim of A's waiting in the operators' queue: an account of its own, a code, the evidence. */
    private String queuedClaim() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        String cm = api.token(A, "cm");
        Reply account = api.call(gateway(), "POST", "/api/accounts/official", cm,
                "{\"platform\":\"X\",\"handle\":\"fixture_" + suffix + "\",\"displayName\":\"Fixture " + suffix + "\"}");
        assertEquals(201, account.status(), account.toString());
        String path = "/api/accounts/official/" + account.json().path("id").asText() + "/verification";
        Reply code = api.call(gateway(), "POST", path, cm, null);
        assertEquals(200, code.status(), code.toString());
        Reply claim = api.call(gateway(), "POST", path + "/check", cm, "{\"evidenceUrl\":\"https://x.com/fixture_" + suffix + "\"}");
        assertEquals(200, claim.status(), claim.toString());
        return claim.json().path("id").asText();
    }

    /**
     * A's exercise, stopped at once: a running exercise changes every second (its clock) and posts mentions that
     * would move the other checks' counts.
     */
    private String stoppedExercise() {
        Operation start = document.all().stream()
                .filter(op -> op.method().equals("POST") && op.path().equals("/api/plans/exercises") && op.jsonBody())
                .findFirst().orElseThrow(() -> new AssertionError("no POST /api/plans/exercises in the document"));
        String id = create(start).path("id").asText();
        Reply stop = api.call(gateway(), "POST", "/api/plans/exercises/" + id + "/stop", api.token(A, creator(start)), null);
        assertEquals(200, stop.status(), stop.toString());
        return id;
    }

    /** An exercise id in watch-service is a mark on data, not an object: A ingests one marked mention under it. */
    private String exerciseData() {
        String exerciseId = UUID.randomUUID().toString();
        String word = "exmark" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        String batch = """
                {"exerciseId":"%s","mentions":[{"platform":"X","externalId":"%s","author":{"handle":"drill_%s"},                "text":"Exercice %s : message de test","publishedAt":"%s"}]}"""
                .formatted(exerciseId, word, word, word, Instant.now().minusSeconds(30));
        Reply ingest = api.call(gateway(), "POST", "/api/watch/mentions/batch", api.token(A, "cm"), batch);
        assertEquals(202, ingest.status(), ingest.toString());
        assertEquals(1, ingest.json().path("accepted").asInt(), ingest.toString());
        return exerciseId;
    }

    /** A watchlist on a word of its own, a mention with that word, and the alert it raises. */
    private String alert() {
        if (extras.containsKey("alert")) {
            return extras.get("alert");
        }
        String word = "sectest" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        String cm = api.token(A, "cm");
        Reply watchlist = api.call(gateway(), "POST", "/api/watch/watchlists", cm,
                "{\"name\":\"isolation " + word + "\",\"query\":\"" + word + "\",\"severity\":\"HIGH\"}");
        assertEquals(201, watchlist.status(), watchlist.toString());
        String watchlistId = watchlist.json().path("id").asText();
        String author = "author_" + word;
        String mention = """
                {"mentions":[{"platform":"FACEBOOK","externalId":"%s","url":"https://www.facebook.com/posts/%s",\
                "author":{"handle":"%s","displayName":"%s","followers":120},"text":"Alerte %s : rumeur sur le vaccin",\
                "publishedAt":"%s","metrics":{"likes":3,"shares":1,"comments":0,"views":50}}]}"""
                .formatted(word, word, author, author, word, Instant.now().minusSeconds(30));
        Reply ingest = api.call(gateway(), "POST", "/api/watch/mentions/batch", cm, mention);
        assertEquals(202, ingest.status(), ingest.toString());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!extras.containsKey("mention")) {
                for (JsonNode item : api.call(gateway(), "GET", "/api/watch/mentions?size=50&author=" + author, cm, null)
                        .json().path("items")) {
                    extras.put("mention", item.path("id").asText());
                }
            }
            for (JsonNode item : api.call(gateway(), "GET", "/api/watch/alerts?size=100", cm, null).json().path("items")) {
                if (watchlistId.equals(item.path("watchlistId").asText()) && extras.containsKey("mention")) {
                    extras.put("alert", item.path("id").asText());
                    return extras.get("alert");
                }
            }
            Api.sleep(500);
        }
        throw new AssertionError("no alert from watchlist " + watchlistId + " within 60 s (mention " + extras.get("mention") + ")");
    }

    /** A hoax of A's published to the shared registry. */
    private String sharedHoax() {
        Operation create = document.all().stream()
                .filter(op -> op.method().equals("POST") && op.path().equals("/api/watch/hoaxes")).findFirst().orElseThrow();
        ObjectNode body = (ObjectNode) validBody(create);
        String claim = "Isolation " + UUID.randomUUID() + " : le vaccin rend stérile";
        body.putArray("claims").add(claim);
        body.put("shared", true);
        Reply reply = api.call(gateway(), "POST", "/api/watch/hoaxes", api.token(A, creator(create)), body.toString());
        assertEquals(201, reply.status(), reply.toString());
        String hoaxId = reply.json().path("id").asText();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonNode item : api.call(gateway(), "GET", "/api/watch/hoaxes/shared?size=100", api.token(A, "cm"), null)
                    .json().path("items")) {
                if (item.toString().contains(claim)) {
                    return item.path("id").asText();
                }
            }
            Api.sleep(500);
        }
        throw new AssertionError("hoax " + hoaxId + " shared by A never showed in /api/watch/hoaxes/shared");
    }

    /** Institutions are the operators' (realm platform): A's object is A's own institution record. */
    private String institutionA() {
        for (JsonNode item : api.call(gateway(), "GET", "/api/institutions?size=100", api.token("platform", "operator"), null)
                .json().path("items")) {
            if (A.equals(item.path("slug").asText())) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("institution " + A + " not registered");
    }

    /** The secret link of a calendar feed of A's. */
    synchronized String calendarToken() {
        id("/api/plans/calendar/feeds");
        String token = extras.get("calendarToken");
        assertTrue(token != null && !token.isBlank(), "A's calendar feed came without its secret link");
        return token;
    }

    Map<String, String> created() {
        return ids;
    }

    /** The credentials the fixtures hold: the webhook secret and the calendar link's secret, if made. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(webhookSecret));
        if (extras.containsKey("calendarToken")) {
            secrets.add(extras.get("calendarToken"));
        }
        return secrets;
    }
}
