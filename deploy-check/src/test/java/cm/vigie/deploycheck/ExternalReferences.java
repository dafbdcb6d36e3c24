package cm.vigie.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Objects the manifests refer to but deliberately do not contain: Secrets created outside the repository and
 * objects that operators create (see {@code external-references.yaml} in the test resources).
 */
record ExternalReferences(Set<String> declared) {

    static ExternalReferences load(String resource) {
        try (InputStream in = ExternalReferences.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + resource);
            }
            JsonNode root = new YAMLMapper().readTree(in);
            Set<String> declared = new HashSet<>();
            root.fields().forEachRemaining(kind -> kind.getValue()
                    .forEach(ref -> declared.add(kind.getKey() + ":" + ref.path("namespace").asText() + "/" + ref.path("name").asText())));
            return new ExternalReferences(Set.copyOf(declared));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExternalReferences none() {
        return new ExternalReferences(Set.of());
    }

    boolean contains(String kind, String namespace, String name) {
        return declared.contains(kind + ":" + namespace + "/" + name);
    }
}
