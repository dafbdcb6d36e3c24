package cm.vigie.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The rendered manifests of one overlay, parsed with the fabric8 Kubernetes model (custom resources stay generic).
 * The documents as rendered are kept beside them: schema validation must see every field, even those a typed model
 * would drop.
 */
record Manifests(List<HasMetadata> resources, List<JsonNode> documents) {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Manifests parse(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                KubernetesResource resource;
                try {
                    resource = SERIALIZATION.convertValue(document, KubernetesResource.class);
                } catch (IllegalArgumentException typedModelRefused) {
                    // a field of the wrong type for the typed model: keep the object generic, the schema check names the field
                    resource = SERIALIZATION.convertValue(document, GenericKubernetesResource.class);
                }
                if (!(resource instanceof HasMetadata hasMetadata)) {
                    throw new AssertionError("not a Kubernetes object: " + document);
                }
                resources.add(hasMetadata);
                documents.add(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(List.copyOf(resources), List.copyOf(documents));
    }

    <T extends HasMetadata> Stream<T> ofType(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast);
    }

    /** Custom resources of a kind the model does not type (CloudNativePG, Keycloak, cert-manager, Prometheus Operator). */
    Stream<GenericKubernetesResource> custom(String apiGroup, String kind) {
        return ofType(GenericKubernetesResource.class)
                .filter(r -> kind.equals(r.getKind()) && r.getApiVersion() != null && r.getApiVersion().startsWith(apiGroup + "/"));
    }

    boolean has(String kind, String namespace, String name) {
        return resources.stream().anyMatch(r -> kind.equals(r.getKind()) && name.equals(r.getMetadata().getName())
                && (namespace == null || Objects.equals(namespace, r.getMetadata().getNamespace())));
    }
}
