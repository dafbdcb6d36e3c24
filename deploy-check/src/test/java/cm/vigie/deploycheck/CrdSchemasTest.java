package cm.vigie.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The schema table and the vendored files agree, and the closing of object schemas behaves as the API server does. */
class CrdSchemasTest {

    @Test
    void everyVendoredSchemaIsMappedAndListedWithItsSource() throws IOException, URISyntaxException {
        Path root = Path.of(CrdSchemasTest.class.getResource("/third-party/crd-schemas").toURI());
        String sources = Files.readString(root.resolve("SOURCES.md"), StandardCharsets.UTF_8);
        Set<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
        Set<String> mapped = CrdSchemas.SCHEMAS.values().stream().filter(r -> r.startsWith("/third-party/crd-schemas/"))
                .map(r -> r.substring("/third-party/crd-schemas/".length())).collect(Collectors.toSet());
        assertEquals(files, mapped, "every vendored schema is used, every used one is vendored");
        files.forEach(f -> assertTrue(sources.contains("| " + f + " |"), () -> f + " has no line in SOURCES.md"));
        CrdSchemas.SCHEMAS.values().forEach(resource -> {
            try (InputStream in = CrdSchemasTest.class.getResourceAsStream(resource)) {
                assertTrue(in != null, () -> "missing " + resource);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void objectSchemasWithPropertiesAreClosedUnlessTheySayOtherwise() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode prepared = CrdSchemas.prepare(json.readTree("""
                {"type": "object", "properties": {
                  "metadata": {"$ref": "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta#"},
                  "spec": {"type": "object", "properties": {"a": {"type": "string"}}},
                  "open": {"type": "object", "x-kubernetes-preserve-unknown-fields": true, "properties": {"a": {"type": "string"}}},
                  "map": {"type": "object", "additionalProperties": {"type": "string"}},
                  "fields": {"type": "object", "properties": {"type": {"type": "string"}, "properties": {"type": "string"}}}
                }}"""));
        assertEquals(false, prepared.path("additionalProperties").asBoolean(true));
        assertEquals("object", prepared.at("/properties/metadata/type").asText());
        assertEquals(false, prepared.at("/properties/spec/additionalProperties").asBoolean(true));
        assertTrue(prepared.at("/properties/open/additionalProperties").isMissingNode());
        assertEquals("string", prepared.at("/properties/map/additionalProperties/type").asText());
        // a properties map whose field names are "type" and "properties" is not mistaken for a schema
        assertTrue(prepared.at("/properties/fields/properties/additionalProperties").isMissingNode());
        assertEquals(false, prepared.at("/properties/fields/additionalProperties").asBoolean(true));
    }
}
