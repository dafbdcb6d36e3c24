package cm.vigie.gateway.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The merge at build time, for the generated clients: the same {@link OpenApiMerger} the running gateway uses,
 * applied to the documents the services stored at build ({@code quarkus.smallrye-openapi.store-schema-directory}).
 *
 * <pre>
 * OpenApiMergeMain &lt;output.json&gt; &lt;gatewayUrl&gt; &lt;keycloakUrl&gt; &lt;service&gt;=&lt;openapi.json|yaml&gt;...
 * </pre>
 */
public final class OpenApiMergeMain {

    private OpenApiMergeMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException(
                    "usage: OpenApiMergeMain <output.json> <gatewayUrl> <keycloakUrl> <service>=<document>...");
        }
        ObjectMapper json = new ObjectMapper();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            Path file = Path.of(pair[1]);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " not found: build the " + pair[0]
                        + " module first (it stores its OpenAPI document at build)");
            }
            documents.put(pair[0], (file.toString().endsWith(".json") ? json : yaml).readTree(file.toFile()));
        }
        OpenApiMerger.Result result = new OpenApiMerger(
                new OpenApiMerger.Settings(args[1], args[2], "minsante", "0.1.0")).merge(documents);
        result.notes().forEach(note -> System.out.println("[openapi merge] " + note));
        if (!result.violations().isEmpty()) {
            throw new IllegalStateException("The services' documents cannot be merged:\n  "
                    + String.join("\n  ", result.violations()));
        }
        Path output = Path.of(args[0]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(output.toFile(), result.document());
        System.out.println("[openapi merge] " + documents.keySet() + " -> " + output + " ("
                + result.document().path("paths").size() + " paths)");
    }
}
