package cm.vigie.devstack.e2e.security;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cm.vigie.devstack.ServiceModule;
import cm.vigie.devstack.e2e.security.Api.Reply;
import cm.vigie.devstack.e2e.security.OpenApiOperations.Operation;

/**
 * Generated invalid bodies for every operation with a JSON body, sent straight to the service that owns the path
 * (the gateway's rate limit would only slow the corpus down; the gateway's own handling is sampled separately).
 * Invalid bodies must get a 4xx problem+json and store nothing; injection strings in otherwise valid bodies may be
 * accepted (they are data) but must come back byte for byte, and never cause a 5xx.
 */
final class HostileInput {

    /** Cases per kind and operation, to bound the run on CI's two cores. */
    private static final int PER_KIND = 3;
    static final List<String> SQL = List.of("' OR '1'='1' --", "'; DROP TABLE audit_event; --", "\" OR 1=1; --",
            "1); DELETE FROM watchlist WHERE (1=1", "$$; SELECT pg_sleep(10); $$");
    static final List<String> HTML = List.of("<script>alert(document.cookie)</script>", "<img src=x onerror=alert(1)>",
            "\"><svg/onload=alert(1)>", "javascript:alert(1)", "{{constructor.constructor('alert(1)')()}}");

    /** One generated request and what came back. */
    record Case(Operation operation, String kind, boolean mayBeAccepted, Reply reply, String failure) {
    }

    private final Api api;
    private final OpenApiOperations document;
    private final Permissions permissions;
    private final Fixtures fixtures;
    final List<Case> cases = new ArrayList<>();
    /** Injection bodies accepted by a creation, by collection: the counts may grow by exactly these. */
    final Map<String, Integer> acceptedCreations = new TreeMap<>();

    HostileInput(Api api, OpenApiOperations document, Permissions permissions, Fixtures fixtures) {
        this.api = api;
        this.document = document;
        this.permissions = permissions;
        this.fixtures = fixtures;
    }

    static ServiceModule owner(String path) {
        if (path.startsWith("/api/watch")) {
            return ServiceModule.WATCH;
        }
        if (path.startsWith("/api/plans")) {
            return ServiceModule.PLAN;
        }
        return ServiceModule.ACCOUNTS;
    }

    /** The collections' totals as A sees them, straight from the services. */
    Map<String, Long> counts() {
        Map<String, Long> totals = new TreeMap<>();
        for (Operation op : document.all()) {
            if (op.method().equals("GET") && !op.takesId() && !op.eventStream() && permissions.has(op.operationId())
                    && !op.path().startsWith("/api/institutions")) {
                String token = permissions.institutionRole(op.operationId()) == null ? null : api.token(Fixtures.A, "admin");
                if (token == null) {
                    continue;
                }
                Reply reply = api.call(api.stack().serviceUrl(owner(op.path())), "GET", op.path() + "?size=1", token, null);
                if (reply.status() == 200 && reply.contentType().startsWith("application/json") && reply.json().has("total")) {
                    totals.put(op.path(), reply.json().path("total").asLong());
                }
            }
        }
        return totals;
    }

    void run() {
        for (Operation op : document.all()) {
            if (!op.jsonBody() || op.operationId().equals("receiveMetaWebhook")) {
                continue; // Meta's webhook checks the HMAC of the raw bytes first: see TokenAttacks for unauthenticated calls
            }
            // an operation missing from docs/permissions.md is still fed (as A's admin)
            String role = permissions.has(op.operationId()) ? permissions.institutionRole(op.operationId()) : "institution-admin";
            String token = role == null ? api.token("platform", "operator") : api.token(Fixtures.A, Permissions.USER.get(role));
            String path;
            try {
                path = op.path(fixtures.pathValues(op));
            } catch (AssertionError e) {
                cases.add(new Case(op, "fixture", false, null, e.getMessage()));
                continue;
            }
            JsonNode schema = document.resolve(op.bodySchema());
            JsonNode valid = fixtures.validBody(op);
            Map<String, byte[]> invalid = new LinkedHashMap<>();
            generateInvalid(schema, valid, invalid);
            String base = api.stack().serviceUrl(owner(op.path()));
            for (Map.Entry<String, byte[]> entry : invalid.entrySet()) {
                Reply reply = send(base, op, path, token, entry.getValue());
                String failure = reply.status() >= 400 && reply.status() < 500 && reply.isProblem() ? null
                        : refusedItemByItem(reply) ? null : "expected a 4xx problem+json";
                cases.add(new Case(op, entry.getKey(), false, reply, failure));
            }
            // injections go where text is stored and read back: creations on a listed collection, and updates
            boolean creation = op.method().equals("POST") && !op.takesId() && document.has("GET", op.path());
            if ((creation || op.method().equals("PUT")) && role != null && valid instanceof ObjectNode) {
                for (List<String> family : List.of(SQL, HTML)) {
                    String injection = family.get(Math.floorMod(op.operationId().hashCode(), family.size()));
                    ObjectNode body = valid.deepCopy();
                    List<String> fields = new ArrayList<>();
                    injectStrings(body, injection, "", fields);
                    if (fields.isEmpty()) {
                        continue;
                    }
                    Map<String, String> headers = op.method().equals("PUT") ? Map.of("If-Match", currentEtag(base, path, token)) : Map.of();
                    Reply reply = api.send(base, op.method(), path, token,
                            HttpRequest.BodyPublishers.ofString(body.toString()), "application/json", headers);
                    String kind = (family == SQL ? "SQL" : "HTML") + " injection in " + fields;
                    String failure = null;
                    if (reply.status() >= 500) {
                        failure = "5xx";
                    } else if (reply.status() >= 400 && !reply.isProblem()) {
                        failure = "4xx without problem+json";
                    } else if (reply.status() < 300 && reply.contentType().startsWith("application/json")
                            && reply.json().has("id")) {
                        if (!reply.body().contains(Api.JSON.valueToTree(injection).toString().replaceAll("^\"|\"$", ""))) {
                            failure = "accepted, but the injected string does not come back verbatim";
                        }
                        if (creation) {
                            acceptedCreations.merge(op.path(), 1, Integer::sum);
                        }
                    }
                    cases.add(new Case(op, kind, true, reply, failure));
                }
            }
        }
    }

    /** The batch ingestion contract (each item checked on its own, bad ones listed in rejected[]): 202, none accepted. */
    private static boolean refusedItemByItem(Reply reply) {
        return reply.status() == 202 && reply.contentType().startsWith("application/json")
                && reply.json().path("accepted").asInt(-1) == 0;
    }

    private String currentEtag(String base, String path, String token) {
        Reply current = api.call(base, "GET", path, token, null);
        return current.headers().firstValue("ETag").orElse("\"0\"");
    }

    private Reply send(String base, Operation op, String path, String token, byte[] body) {
        Map<String, String> headers = op.method().equals("PUT") ? Map.of("If-Match", "\"0\"") : Map.of();
        return api.send(base, op.method(), path, token, HttpRequest.BodyPublishers.ofByteArray(body), "application/json", headers);
    }

    private void generateInvalid(JsonNode schema, JsonNode valid, Map<String, byte[]> out) {
        ObjectNode object = valid instanceof ObjectNode o ? o : Api.JSON.createObjectNode();
        JsonNode properties = schema == null ? Api.JSON.createObjectNode() : schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));

        out.put("not JSON", "{\"unterminated\": ".getBytes(StandardCharsets.UTF_8));
        out.put("JSON array instead of object", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        if (!required.isEmpty()) {
            out.put("empty object (required " + required + ")", "{}".getBytes(StandardCharsets.UTF_8));
            out.put("null body", "null".getBytes(StandardCharsets.UTF_8));
        }
        required.stream().limit(PER_KIND).forEach(name -> {
            ObjectNode copy = object.deepCopy();
            copy.remove(name);
            out.put("missing required " + name, bytes(copy));
        });
        int wrongTypes = 0;
        int oversized = 0;
        int enums = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode prop = document.resolve(property.getValue());
            if (prop == null) {
                continue;
            }
            String type = prop.path("type").asText("");
            if (wrongTypes < PER_KIND) {
                ObjectNode copy = object.deepCopy();
                switch (type) {
                    case "string" -> copy.putObject(name).putArray("nested").add(1);
                    case "integer", "number" -> copy.put(name, "not-a-number");
                    case "boolean" -> copy.put(name, "perhaps");
                    case "array" -> copy.putObject(name).put("not", "an array");
                    default -> copy.put(name, 12345);
                }
                out.put("wrong type for " + name + " (" + (type.isEmpty() ? "object" : type) + ")", bytes(copy));
                wrongTypes++;
            }
            if (prop.has("enum") && enums < PER_KIND) {
                ObjectNode copy = object.deepCopy();
                copy.put(name, "NOT_A_" + name.toUpperCase(java.util.Locale.ROOT));
                out.put("unknown enum value for " + name, bytes(copy));
                enums++;
            } else if (type.equals("string") && !prop.has("format") && oversized < PER_KIND) {
                int length = prop.has("maxLength") ? prop.path("maxLength").asInt() + 1 : 100_000;
                ObjectNode copy = object.deepCopy();
                copy.put(name, "x".repeat(length));
                out.put("oversized " + name + " (" + length + " chars)", bytes(copy));
                oversized++;
            }
        }
        // nesting goes into a field that holds a scalar or a list, so that the body cannot be read as valid
        String firstField = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext() && firstField == null;) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode prop = document.resolve(property.getValue());
            String type = prop == null ? "" : prop.path("type").asText("");
            if (Set.of("string", "integer", "number", "boolean").contains(type)) {
                firstField = property.getKey();
            }
        }
        if (firstField == null) {
            firstField = properties.fieldNames().hasNext() ? properties.fieldNames().next() : "field";
        }
        out.put("200-deep arrays in " + firstField, ("{\"" + firstField + "\":" + "[".repeat(200) + "]".repeat(200) + "}")
                .getBytes(StandardCharsets.UTF_8));
        out.put("200-deep objects in " + firstField, ("{\"" + firstField + "\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}")
                .getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.writeBytes(("{\"" + firstField + "\":\"caf").getBytes(StandardCharsets.UTF_8));
        invalidUtf8.writeBytes(new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE });
        invalidUtf8.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        out.put("invalid UTF-8", invalidUtf8.toByteArray());
    }

    /** The 10 MB body, once per service (the same limit applies to every path of a service). */
    byte[] tenMegabytes() {
        String filler = "x".repeat(10 * 1024 * 1024);
        return ("{\"name\":\"" + filler + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void injectStrings(JsonNode node, String injection, String prefix, List<String> fields) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                // free text only (the example has a space in it): enums, handles, ids, dates and URLs have formats
                if (field.getValue().isTextual() && field.getValue().asText().contains(" ")
                        && !field.getKey().equals("secret")) {
                    object.put(field.getKey(), field.getValue().asText() + " " + injection);
                    fields.add(prefix + field.getKey());
                } else {
                    injectStrings(field.getValue(), injection, prefix + field.getKey() + ".", fields);
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                injectStrings(element, injection, prefix, fields);
            }
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
