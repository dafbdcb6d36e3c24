package cm.vigie.devstack.e2e.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The operations of the merged OpenAPI document, with what the generated cases need from each. */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** One operation. {@code example} is the first example of its JSON body, or null. */
    record Operation(String method, String path, String operationId, boolean jsonBody, JsonNode bodySchema,
            JsonNode example, String requiredQuery, boolean eventStream) {

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher m = PARAMETER.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        boolean takesId() {
            return !pathParameters().isEmpty();
        }

        boolean writes() {
            return !method.equals("GET");
        }

        /** The collection the first path parameter belongs to: {@code /api/watch/alerts} for {@code /api/watch/alerts/{id}/resolve}. */
        String collection() {
            int brace = path.indexOf('{');
            String prefix = path.substring(0, brace);
            return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        }

        /** The path with its parameters filled in, and its required query parameters set to their examples. */
        String path(Map<String, String> values) {
            Matcher m = PARAMETER.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + path);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out + requiredQuery;
        }

        @Override
        public String toString() {
            return operationId + " (" + method + " " + path + ")";
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    OpenApiOperations(JsonNode document) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode content = op.getValue().path("requestBody").path("content").path("application/json");
                JsonNode example = null;
                if (content.has("examples") && content.path("examples").size() > 0) {
                    example = content.path("examples").elements().next().path("value");
                } else if (content.has("example")) {
                    example = content.path("example");
                }
                StringBuilder query = new StringBuilder();
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                        JsonNode value = parameter.has("example") ? parameter.path("example") : parameter.path("schema").path("example");
                        query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asText()).append('=')
                                .append(java.net.URLEncoder.encode(value.isMissingNode() ? "1" : value.asText(),
                                        java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                operations.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        op.getValue().path("operationId").asText(), !content.isMissingNode(),
                        content.isMissingNode() ? null : resolve(content.path("schema")), example, query.toString(),
                        op.getValue().path("responses").toString().contains("text/event-stream")));
            }
        }
    }

    List<Operation> all() {
        return operations;
    }

    boolean has(String method, String path) {
        return operations.stream().anyMatch(op -> op.method().equals(method) && op.path().equals(path));
    }

    /** A schema with its {@code $ref} followed (one level at a time; callers resolve nested ones). */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = document.at(ref.substring(1));
        }
        if (current != null && current.has("allOf") && current.path("allOf").size() == 1) {
            return resolve(current.path("allOf").get(0));
        }
        return current;
    }
}
