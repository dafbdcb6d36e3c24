package cm.vigie.client.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.commons.openapi.PermissionTable;

/**
 * What a front-end team and a generated client need from the merged document (the one the gateway serves at
 * {@code /openapi}, merged here at build from every service's document): each operation has a description written
 * by its author, its roles (a row of {@code docs/permissions.md} whose endpoint is this operation), the ETag header
 * where it takes If-Match, and its problem answers as {@code application/problem+json}. Each test lists every
 * offending operation, so that one run shows all that is left to fix.
 */
class ApiDocumentContractTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static JsonNode document;
    private static PermissionTable permissions;

    @BeforeAll
    static void read() throws IOException {
        Path merged = Path.of(System.getProperty("vigie.merged-openapi", "target/openapi/vigie-openapi.json"));
        assertTrue(Files.isRegularFile(merged), merged + " is written at generate-sources by the merge");
        document = new ObjectMapper().readTree(merged.toFile());
        permissions = PermissionTable.parse(Files.readString(Path.of("..", "docs", "permissions.md")));
    }

    private record Op(String method, String path, JsonNode operation) {
        String id() {
            return operation.path("operationId").asText();
        }

        String where() {
            return id() + " (" + method.toUpperCase() + " " + path + ")";
        }

        boolean isPublic() {
            return operation.path("x-vigie-public").asBoolean(false);
        }

        boolean takesIfMatch() {
            for (JsonNode parameter : operation.path("parameters")) {
                if ("header".equals(parameter.path("in").asText())
                        && "if-match".equalsIgnoreCase(parameter.path("name").asText())) {
                    return true;
                }
            }
            return false;
        }
    }

    private static List<Op> operations() {
        List<Op> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(new Op(method.getKey(), path.getKey(), method.getValue()));
            }
        }));
        assertTrue(operations.size() > 100, "operations: " + operations.size());
        return operations;
    }

    private static void report(String what, List<String> offenders) {
        if (!offenders.isEmpty()) {
            fail(offenders.size() + " operation(s) " + what + ":\n  " + String.join("\n  ", offenders));
        }
    }

    /** What the operation's author wrote, before the lines the merge adds (roles, public access). */
    static String written(String description) {
        String text = description == null ? "" : description;
        for (String mark : List.of("**Roles:**", "**Access:** public")) {
            int at = text.indexOf(mark);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        return text.strip();
    }

    @Test
    void everyOperationSaysWhatItDoesAndChanges() {
        List<String> offenders = new ArrayList<>();
        for (Op op : operations()) {
            String text = written(op.operation().path("description").asText(null));
            if (text.length() < 20) {
                offenders.add(op.where() + ": no description (@Operation description: what it does, what it changes)");
            }
        }
        report("without a description", offenders);
    }

    @Test
    void everyOperationHasItsRolesFromThePermissionTable() {
        List<String> offenders = new ArrayList<>();
        for (Op op : operations()) {
            var row = permissions.row(op.id());
            if (row.isEmpty()) {
                offenders.add(op.where() + ": no row in docs/permissions.md");
                continue;
            }
            if (!row.get().method().equalsIgnoreCase(op.method()) || !samePath(row.get().path(), op.path())) {
                offenders.add(op.where() + ": its row in docs/permissions.md is `" + row.get().method() + " "
                        + row.get().path() + "`");
            }
            if (op.isPublic()) {
                continue;
            }
            JsonNode roles = op.operation().path("x-vigie-roles");
            if (!roles.isArray() || roles.isEmpty()) {
                offenders.add(op.where() + ": no x-vigie-roles");
            } else if (!op.operation().path("description").asText("").contains("**Roles:**")) {
                offenders.add(op.where() + ": the description does not name the roles");
            }
        }
        report("without their roles", offenders);
    }

    /** A row's path may show example values (`/revisions/1`, `?from=1`) where the document has parameters. */
    static boolean samePath(String row, String document) {
        String[] expected = row.split("\\?")[0].split("/");
        String[] actual = document.split("/");
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            boolean parameter = actual[i].contains("{");
            if (!parameter && !actual[i].equals(expected[i])) {
                return false;
            }
            if (parameter && !expected[i].endsWith(actual[i].substring(actual[i].indexOf('}') + 1))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyOperationTakingIfMatchDocumentsTheETag() {
        List<String> offenders = new ArrayList<>();
        for (Op op : operations()) {
            if (!op.takesIfMatch()) {
                continue;
            }
            op.operation().path("responses").properties().forEach(response -> {
                JsonNode answer = resolve(response.getValue());
                if (response.getKey().startsWith("2") && !response.getKey().equals("204")
                        && !answer.path("headers").has("ETag")) {
                    offenders.add(op.where() + ": answer " + response.getKey() + " does not document the ETag header");
                }
            });
        }
        report("without their ETag", offenders);
    }

    @Test
    void everyOperationDocumentsItsProblemAnswers() {
        List<String> offenders = new ArrayList<>();
        for (Op op : operations()) {
            JsonNode responses = op.operation().path("responses");
            List<String> expected = new ArrayList<>(List.of("429", "503", "504"));
            if (!op.isPublic()) {
                expected.addAll(List.of("401", "403"));
            }
            if (op.takesIfMatch()) {
                expected.add("412");
            }
            if (op.operation().has("requestBody")) {
                expected.addAll(List.of("400", "413"));
            }
            for (String status : expected) {
                if (!responses.has(status)) {
                    offenders.add(op.where() + ": no " + status + " answer");
                }
            }
            responses.properties().forEach(response -> {
                String status = response.getKey();
                if (status.startsWith("4") || status.startsWith("5")) {
                    String schema = resolve(response.getValue()).path("content").path("application/problem+json")
                            .path("schema").path("$ref").asText("");
                    if (!schema.startsWith("#/components/schemas/") || !schema.endsWith("Problem")) {
                        offenders.add(op.where() + ": answer " + status + " is not an application/problem+json Problem");
                    }
                }
            });
        }
        report("without their problem answers", offenders);
    }

    @Test
    void theDocumentDeclaresBothSchemesTheCodesAndOneSharedVocabulary() {
        JsonNode components = document.path("components");
        assertEquals("oauth2", components.at("/securitySchemes/vigie/type").asText());
        assertEquals("bearer", components.at("/securitySchemes/bearer/scheme").asText());
        assertEquals("#/components/schemas/ProblemCode", components.at("/schemas/Problem/properties/code/$ref").asText());
        assertTrue(components.at("/schemas/ProblemCode/enum").size() > 20);
        List<String> split = new ArrayList<>();
        components.path("schemas").fieldNames().forEachRemaining(name -> {
            if (!name.equals("Severity") && !name.equals("Platform") && (name.endsWith("Severity") || name.endsWith("Platform"))
                    && !name.equals("AccountPlatform") && components.path("schemas").path(name).has("enum")) {
                split.add(name);
            }
        });
        assertEquals(List.of(), split, "Severity and Platform are defined once (a service-prefixed copy means they diverged)");
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            return document.at(ref.substring(1));
        }
        return node;
    }
}
