package cm.vigie.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where each rendered object comes from: the file under the manifests' root that declares it (kind and name),
 * preferring the file that creates it over an overlay's patch. Falls back to "rendered Kind/name".
 */
final class SourceIndex {

    private static final YAMLMapper YAML = new YAMLMapper();
    private final Map<String, String> files = new HashMap<>();

    SourceIndex(Path root, String displayPrefix) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> yamls = paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().startsWith("kustomization."))
                    // a file that creates an object wins over an overlay patch of it
                    .sorted((a, b) -> Boolean.compare(a.toString().contains("/overlays/"), b.toString().contains("/overlays/")))
                    .toList();
            for (Path yaml : yamls) {
                String display = displayPrefix + root.relativize(yaml).toString().replace('\\', '/');
                try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml.toFile())) {
                    while (documents.hasNext()) {
                        JsonNode document = documents.next();
                        if (document == null || !document.has("kind") || !document.path("metadata").has("name")) {
                            continue;
                        }
                        files.putIfAbsent(key(document.get("kind").asText(), document.path("metadata").get("name").asText()), display);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "k8s/base/gateway/service.yaml (Service vigie/gateway)" */
    String describe(HasMetadata resource) {
        String object = resource.getKind() + " "
                + (resource.getMetadata().getNamespace() == null ? "" : resource.getMetadata().getNamespace() + "/")
                + resource.getMetadata().getName();
        String file = files.get(key(resource.getKind(), resource.getMetadata().getName()));
        return file == null ? "rendered " + object : file + " (" + object + ")";
    }

    private static String key(String kind, String name) {
        return kind + "/" + name;
    }
}
