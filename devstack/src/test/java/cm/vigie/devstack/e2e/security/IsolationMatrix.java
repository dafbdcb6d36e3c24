package cm.vigie.devstack.e2e.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cm.vigie.devstack.e2e.security.Api.Reply;
import cm.vigie.devstack.e2e.security.OpenApiOperations.Operation;

/**
 * Every operation of the merged document that takes an id, called on institution A's object by institution B (with
 * a B user whose role the operation allows, so that only tenancy can stop it) and, for writes, by A's viewer. B gets
 * 404 (403 where no institution role may call it at all), the viewer 403, and A's object reads back unchanged.
 */
final class IsolationMatrix {

    /** Operations whose object is meant to cross institutions, and what B gets instead of 404. */
    record ByDesign(Set<Integer> statuses, String reason) {
    }

    static final Map<String, ByDesign> BY_DESIGN = Map.of(
            "getSharedHoax", new ByDesign(Set.of(200), "the shared hoax registry is read by every institution"),
            "readPlanCalendarFeed", new ByDesign(Set.of(200), "the secret link is the credential (calendar programs)"),
            "verifyMetaWebhook", new ByDesign(Set.of(401, 403, 404), "Meta's handshake: the verify token is the credential"),
            "receiveMetaWebhook", new ByDesign(Set.of(401, 403, 404), "Meta's events: the body's HMAC signature is the credential"),
            "deleteWatchExerciseData", new ByDesign(Set.of(204),
                    "an exercise id marks data, it names no object: B's call deletes only B's own data of that id (none); A's stays, read back"));

    /** Collections with no GET of their own, and how A reads its object back (the id is appended). */
    static final Map<String, String> READ_BACK = Map.of("/api/watch/exercises", "/api/watch/mentions?size=100&exerciseId=");

    /** One line of the report. */
    record Row(Operation operation, String bCaller, String bExpected, int bActual, String viewerExpected,
            Integer viewerActual, boolean unchanged, String failure) {

        boolean ok() {
            return failure == null;
        }
    }

    private final Api api;
    private final OpenApiOperations document;
    private final Permissions permissions;
    private final Fixtures fixtures;
    final List<Row> rows = new ArrayList<>();

    IsolationMatrix(Api api, OpenApiOperations document, Permissions permissions, Fixtures fixtures) {
        this.api = api;
        this.document = document;
        this.permissions = permissions;
        this.fixtures = fixtures;
    }

    private String gateway() {
        return api.stack().gatewayUrl();
    }

    List<Row> run() {
        for (Operation operation : document.all()) {
            if (operation.takesId()) {
                rows.add(check(operation));
            }
        }
        return rows;
    }

    private Row check(Operation operation) {
        String bCaller = "?";
        try {
            Map<String, String> values = fixtures.pathValues(operation);
            String path = operation.path(values);
            Reply before = readBack(operation, values);
            String etag = before.headers().firstValue("ETag").orElse("\"0\"");

            ByDesign byDesign = BY_DESIGN.get(operation.operationId());
            String role = permissions.institutionRole(operation.operationId());
            String bExpected;
            String bToken;
            if (role == null) {
                bCaller = Fixtures.B + "/admin";
                bToken = api.token(Fixtures.B, "admin");
                bExpected = "403";
            } else {
                String user = Permissions.USER.get(role);
                bCaller = Fixtures.B + "/" + user;
                bToken = api.token(Fixtures.B, user);
                bExpected = byDesign == null ? "404" : byDesign.statuses().toString().replaceAll("[\\[\\] ]", "").replace(',', '|');
            }
            Reply asB = call(operation, path, bToken, etag);
            boolean bOk = byDesign != null && role != null ? byDesign.statuses().contains(asB.status())
                    : asB.status() == Integer.parseInt(bExpected);
            String failure = bOk ? null : "B got " + asB;
            if (bOk && !(byDesign != null && asB.status() / 100 == 2) && !asB.isProblem()) {
                failure = "B's " + asB.status() + " is not problem+json: " + asB.contentType();
            }

            String viewerExpected = "-";
            Integer viewerActual = null;
            if (operation.writes()) {
                if (permissions.allowed(operation.operationId()).contains("viewer")) {
                    viewerExpected = "allowed";
                } else {
                    viewerExpected = "403";
                    Reply asViewer = call(operation, path, api.token(Fixtures.A, "viewer"), etag);
                    viewerActual = asViewer.status();
                    if (asViewer.status() != 403 && failure == null) {
                        failure = "A's viewer got " + asViewer;
                    }
                }
            }
            Reply after = readBack(operation, values);
            boolean unchanged = before.status() == after.status() && same(before, after);
            if (!unchanged && failure == null) {
                failure = "A's object changed: before " + before + ", after " + after;
            }
            if (byDesign != null && role != null && operation.operationId().equals("readPlanCalendarFeed")) {
                Reply unknown = api.call(gateway(), "GET", operation.path(Map.of("token", java.util.UUID.randomUUID().toString())), null, null);
                if (unknown.status() != 404 && failure == null) {
                    failure = "an unknown calendar link got " + unknown;
                }
            }
            return new Row(operation, bCaller, bExpected, asB.status(), viewerExpected, viewerActual, unchanged, failure);
        } catch (AssertionError | RuntimeException e) {
            return new Row(operation, bCaller, "?", -1, "?", null, false, e.getMessage());
        }
    }

    private Reply call(Operation operation, String path, String token, String etag) {
        String body = operation.jsonBody() ? fixtures.validBody(operation).toString() : null;
        Map<String, String> headers = operation.method().equals("PUT") || operation.method().equals("DELETE")
                || operation.method().equals("PATCH") ? Map.of("If-Match", etag) : Map.of();
        return api.send(gateway(), operation.method(), path, token,
                body == null ? null : java.net.http.HttpRequest.BodyPublishers.ofString(body),
                body == null ? null : "application/json", headers);
    }

    /** A's view of the object: its item GET, else its collection's list, else the operation itself (a GET). */
    private Reply readBack(Operation operation, Map<String, String> values) {
        String collection = operation.collection();
        // operators' collections (institutions, the verification queue) are read back by the operator
        String reader = collection.startsWith("/api/institutions") && !collection.startsWith("/api/institutions/me/")
                ? null : "admin";
        String token = reader == null ? api.token("platform", "operator") : api.token(Fixtures.A, reader);
        String path;
        if (READ_BACK.containsKey(collection) && values.containsKey("id")) {
            path = READ_BACK.get(collection) + values.get("id");
        } else if (document.has("GET", collection + "/{id}") && values.containsKey("id")) {
            path = collection + "/" + values.get("id");
        } else if (document.has("GET", collection)) {
            path = collection + "?size=100";
        } else if (operation.method().equals("GET")) {
            path = operation.path(values);
            token = null;
        } else {
            throw new AssertionError("No way to read back A's object of " + operation);
        }
        Reply reply = api.call(gateway(), "GET", path, token, null);
        if (reply.status() != 200) {
            throw new AssertionError("A cannot read back its object: " + reply);
        }
        return reply;
    }

    private static boolean same(Reply before, Reply after) {
        if (!before.contentType().startsWith("application/json")) {
            return before.body().equals(after.body());
        }
        return withoutPollBookkeeping(before.json()).equals(withoutPollBookkeeping(after.json()));
    }

    /**
     * A source's {@code status} (next poll, last poll, last error) is the poller's own bookkeeping: it moves on its
     * schedule whatever anyone calls, so it is no evidence that a refused call changed the source.
     */
    private static JsonNode withoutPollBookkeeping(JsonNode body) {
        if (body instanceof ObjectNode object && object.path("status").has("nextPollAt")) {
            ObjectNode copy = object.deepCopy();
            copy.remove("status");
            return copy;
        }
        return body;
    }

    Path write(Path target) throws IOException {
        StringBuilder md = new StringBuilder("# Tenant-isolation matrix\n\n")
                .append("Institution A = `").append(Fixtures.A).append("` owns the objects; B = `").append(Fixtures.B)
                .append("`. Generated by `SecurityEndToEndIT` from the gateway's merged OpenAPI document.\n\n")
                .append("| operation | endpoint | B caller | B expected | B got | A viewer expected | viewer got | A's object unchanged | verdict |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            ByDesign byDesign = BY_DESIGN.get(row.operation().operationId());
            md.append("| ").append(row.operation().operationId())
                    .append(" | `").append(row.operation().method()).append(' ').append(row.operation().path()).append("` | ")
                    .append(row.bCaller()).append(" | ").append(row.bExpected())
                    .append(byDesign == null ? "" : " (" + byDesign.reason() + ")").append(" | ")
                    .append(row.bActual()).append(" | ").append(row.viewerExpected()).append(" | ")
                    .append(row.viewerActual() == null ? "-" : row.viewerActual()).append(" | ")
                    .append(row.unchanged() ? "yes" : "NO").append(" | ")
                    .append(row.ok() ? "ok" : "FAIL: " + row.failure().replace('|', '/').replace('\n', ' ')).append(" |\n");
        }
        long writes = rows.stream().filter(r -> r.operation().writes()).count();
        md.append("\n").append(rows.size()).append(" operations with an id (").append(writes).append(" writes); ")
                .append(rows.size() + rows.stream().filter(r -> r.viewerActual() != null).count())
                .append(" calls checked; ").append(rows.stream().filter(r -> !r.ok()).count()).append(" failures.\n");
        Files.createDirectories(target);
        Path file = target.resolve("isolation-matrix.md");
        Files.writeString(file, md);
        return file;
    }
}
