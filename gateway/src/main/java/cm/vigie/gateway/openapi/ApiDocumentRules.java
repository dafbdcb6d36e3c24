package cm.vigie.gateway.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cm.vigie.commons.openapi.PermissionTable;
import cm.vigie.commons.problem.ProblemCode;

/**
 * What the merged document says about every operation without anyone writing it by hand, so that authors of an
 * operation write only its description and its row in {@code docs/permissions.md}:
 * <ul>
 * <li>roles: {@code x-vigie-roles} and a "Roles" line at the end of the description, from the permission table
 * (public operations say so instead);</li>
 * <li>problem answers: 400 (body or query), 401 and 403 (protected), 404 (path parameter), 412 and 428 (If-Match),
 * 413 (body), and the gateway's own 429, 503 and 504, each an {@code application/problem+json} {@code Problem};
 * an error answer a service declared without a problem body gets one;</li>
 * <li>the {@code ETag} header on the success answers of a versioned resource: operations that take If-Match, reads
 * of the same path and creations below a collection whose items take it;</li>
 * <li>the {@code ProblemCode} enumeration and the {@code code} member of every problem schema.</li>
 * </ul>
 * Pure and idempotent: the merged document in, the same document completed.
 */
public final class ApiDocumentRules {

    public static final String ROLES_EXTENSION = "x-vigie-roles";
    public static final String PUBLIC_EXTENSION = "x-vigie-public";
    static final String ROLES_MARK = "**Roles:**";
    static final String PUBLIC_MARK = "**Access:** public";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** Problem answers added where missing, by status: component name and description. */
    private static final Map<String, String[]> RESPONSES = Map.ofEntries(
            Map.entry("400", new String[] { "BadRequest", "Invalid request: `VALIDATION` (errors[] name each field, "
                    + "with its `code` and `arguments`) or `MALFORMED_REQUEST` (body that is not JSON)" }),
            Map.entry("401", new String[] { "Unauthenticated", "`UNAUTHENTICATED`: no token, an expired or invalid one, "
                    + "or a token of a client other than Vigie's (answered by the gateway)" }),
            Map.entry("403", new String[] { "Forbidden", "`FORBIDDEN_ROLE`: none of your roles may call this "
                    + "operation (see `x-vigie-roles`); `INSTITUTION_SUSPENDED`: your institution is suspended" }),
            Map.entry("404", new String[] { "NotFound", "`NOT_FOUND`: nothing with this id in your institution" }),
            Map.entry("412", new String[] { "StaleETag", "`STALE_ETAG`: changed since you read it; read it again "
                    + "(new ETag), reapply your change and retry" }),
            Map.entry("413", new String[] { "PayloadTooLarge", "`PAYLOAD_TOO_LARGE`: body over the gateway's limit "
                    + "(5 MB) or the operation's own" }),
            Map.entry("428", new String[] { "PreconditionRequired", "`PRECONDITION_REQUIRED`: send If-Match with the "
                    + "ETag you read" }),
            Map.entry("429", new String[] { "TooManyRequests", "`RATE_LIMITED` (gateway rate limit or too many live "
                    + "streams) or `CONCURRENCY_QUOTA_EXCEEDED`: wait `Retry-After` seconds" }),
            Map.entry("503", new String[] { "ServiceUnavailable", "`SERVICE_UNAVAILABLE`: the service behind the "
                    + "gateway, or its database, is down or restarting; retry after `Retry-After` seconds" }),
            Map.entry("504", new String[] { "GatewayTimeout", "`GATEWAY_TIMEOUT`: the service did not answer in time; "
                    + "a retry may succeed (a write may have been applied: read before retrying it)" }));

    private final PermissionTable permissions;

    public ApiDocumentRules(PermissionTable permissions) {
        this.permissions = permissions;
    }

    public void apply(ObjectNode document) {
        ObjectNode components = object(document, "components");
        problemSchemas(object(components, "schemas"));
        commonComponents(components);
        JsonNode paths = document.path("paths");
        Set<String> versionedPaths = new LinkedHashSet<>();
        paths.properties().forEach(path -> {
            for (String method : METHODS) {
                if (takesIfMatch(path.getValue().path(method))) {
                    versionedPaths.add(path.getKey());
                }
            }
        });
        paths.properties().forEach(path -> {
            ObjectNode item = (ObjectNode) path.getValue();
            for (String method : METHODS) {
                if (item.get(method) instanceof ObjectNode operation) {
                    operation(path.getKey(), method, operation, item, versionedPaths);
                }
            }
        });
    }

    private void operation(String path, String method, ObjectNode operation, ObjectNode item, Set<String> versionedPaths) {
        boolean open = isPublic(operation);
        roles(operation, open);
        ObjectNode responses = object(operation, "responses");
        boolean body = operation.has("requestBody");
        boolean ifMatch = takesIfMatch(operation);
        if (body || hasParameter(operation, item, "query")) {
            add(responses, "400");
        }
        if (!open) {
            add(responses, "401");
            add(responses, "403");
        }
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (ifMatch) {
            add(responses, "412");
            if (method.equals("put") || method.equals("patch")) {
                add(responses, "428");
            }
        }
        if (body) {
            add(responses, "413");
        }
        add(responses, "429");
        add(responses, "503");
        add(responses, "504");
        problemBodies(responses);
        boolean versioned = ifMatch || (method.equals("get") && versionedPaths.contains(path))
                || (method.equals("post") && versionedPaths.stream().anyMatch(v -> isItemOf(v, path)));
        if (versioned) {
            responses.properties().forEach(response -> {
                if (response.getKey().startsWith("2") && !response.getKey().equals("204")
                        && response.getValue() instanceof ObjectNode answer && !answer.has("$ref")) {
                    object(answer, "headers").set("ETag", NODES.objectNode().put("$ref", "#/components/headers/ETag"));
                }
            });
        }
    }

    private void roles(ObjectNode operation, boolean open) {
        String description = operation.path("description").asText("").strip();
        if (open) {
            operation.put(PUBLIC_EXTENSION, true);
            operation.set(ROLES_EXTENSION, NODES.arrayNode());
            if (!description.contains(PUBLIC_MARK)) {
                operation.put("description", join(description, PUBLIC_MARK + ", no token needed."));
            }
            return;
        }
        permissions.row(operation.path("operationId").asText()).ifPresent(row -> {
            ArrayNode roles = NODES.arrayNode();
            row.roles().forEach(roles::add);
            operation.set(ROLES_EXTENSION, roles);
            if (!description.contains(ROLES_MARK)) {
                operation.put("description", join(description, ROLES_MARK + " "
                        + String.join(", ", row.roles().stream().map(r -> "`" + r + "`").toList()) + "."));
            }
        });
    }

    private static String join(String description, String line) {
        return description.isEmpty() ? line : description + "\n\n" + line;
    }

    private static void add(ObjectNode responses, String status) {
        if (!responses.has(status)) {
            responses.set(status, NODES.objectNode().put("$ref", "#/components/responses/" + RESPONSES.get(status)[0]));
        }
    }

    /** An error answer declared without a problem body (a framework default, or a bare description) gets one. */
    private static void problemBodies(ObjectNode responses) {
        responses.properties().forEach(response -> {
            String status = response.getKey();
            if ((status.startsWith("4") || status.startsWith("5")) && response.getValue() instanceof ObjectNode answer
                    && !answer.has("$ref") && !answer.path("content").has("application/problem+json")) {
                ObjectNode content = NODES.objectNode();
                content.putObject("application/problem+json").putObject("schema").put("$ref", PROBLEM_REF);
                answer.set("content", content);
                if (!answer.hasNonNull("description")) {
                    answer.put("description", "Problem");
                }
            }
        });
    }

    private static void commonComponents(ObjectNode components) {
        ObjectNode responses = object(components, "responses");
        RESPONSES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            ObjectNode response = NODES.objectNode();
            response.put("description", entry.getValue()[1]);
            if (entry.getKey().equals("429") || entry.getKey().equals("503")) {
                response.putObject("headers").putObject("Retry-After").put("description", "Seconds to wait")
                        .putObject("schema").put("type", "integer");
            }
            response.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", PROBLEM_REF);
            responses.set(entry.getValue()[0], response);
        });
        ObjectNode etag = NODES.objectNode();
        etag.put("description", "The resource's version, e.g. `\"3\"`: send it back in If-Match to update or delete it");
        etag.putObject("schema").put("type", "string");
        object(components, "headers").set("ETag", etag);
    }

    /** {@code ProblemCode} listed once, and the {@code code} member of every problem schema pointing at it. */
    private static void problemSchemas(ObjectNode schemas) {
        ObjectNode code = NODES.objectNode();
        code.put("type", "string");
        code.put("description", "Machine-readable cause of a problem, stable across releases and languages: branch on "
                + "it (docs/errors.md says when each happens and what to do)");
        ArrayNode values = code.putArray("enum");
        for (ProblemCode value : ProblemCode.values()) {
            values.add(value.name());
        }
        schemas.set("ProblemCode", code);
        if (!schemas.has("Problem")) {
            ObjectNode problem = schemas.putObject("Problem");
            problem.put("type", "object").put("description", "RFC 9457 problem details");
            ObjectNode properties = problem.putObject("properties");
            properties.putObject("type").put("type", "string");
            properties.putObject("title").put("type", "string");
            properties.putObject("status").put("type", "integer");
            properties.putObject("detail").put("type", "string");
            properties.putObject("instance").put("type", "string");
        }
        schemas.properties().forEach(schema -> {
            JsonNode properties = schema.getValue().path("properties");
            if (schema.getKey().endsWith("Problem") && properties.has("type") && properties.has("status")) {
                ObjectNode member = NODES.objectNode().put("$ref", "#/components/schemas/ProblemCode");
                JsonNode old = properties.path("code");
                if (old.has("description")) {
                    member.put("description", old.get("description").asText());
                }
                ((ObjectNode) properties).set("code", member);
            }
        });
    }

    static boolean isPublic(JsonNode operation) {
        if (!operation.has("security")) {
            return true;
        }
        for (JsonNode requirement : operation.get("security")) {
            if (requirement.isEmpty()) {
                return true;
            }
        }
        return operation.get("security").isEmpty();
    }

    static boolean takesIfMatch(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if ("header".equals(parameter.path("in").asText()) && "if-match".equalsIgnoreCase(parameter.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasParameter(JsonNode operation, JsonNode item, String in) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        item.path("parameters").forEach(parameters::add);
        return parameters.stream().anyMatch(p -> in.equals(p.path("in").asText()));
    }

    /** {@code /a/b/{id}} is an item of the collection {@code /a/b}. */
    private static boolean isItemOf(String itemPath, String collection) {
        return itemPath.startsWith(collection + "/{") && itemPath.indexOf('/', collection.length() + 1) < 0;
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(field);
    }

    /** The text of a description without the lines these rules add: what its author wrote. */
    public static String written(String description) {
        if (description == null) {
            return "";
        }
        String text = description;
        for (String mark : List.of(ROLES_MARK, PUBLIC_MARK)) {
            int at = text.indexOf(mark);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        return text.strip();
    }
}
