package cm.vigie.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates every custom resource of the operators Vigie relies on against the schema of its CustomResourceDefinition.
 *
 * <p>Two kinds of schema, kept apart in the test resources:
 * <ul>
 * <li>{@code third-party/crd-schemas/}: the published OpenAPI v3 schemas of the cert-manager, Gateway API and
 * Prometheus Operator CRDs, vendored unchanged (source, version and checksums in {@code third-party/crd-schemas/SOURCES.md});</li>
 * <li>{@code structural-schemas/}: schemas written for this project for the CloudNativePG and Keycloak Operator CRDs,
 * whose published schemas are not available from the package registries the build can reach (see SOURCES.md).
 * They cover the fields Vigie uses, with their types, required fields and allowed values, after each operator's
 * API reference.</li>
 * </ul>
 *
 * <p>The API server prunes or, with kubectl's default strict field validation, rejects fields a CRD does not declare,
 * so an object schema that declares properties and says nothing of others is read as closed: a misspelt field fails
 * here as it would fail at apply time.
 */
final class CrdSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final String OBJECT_META_REF = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta#";

    /** The API groups whose custom resources must all have a schema here. */
    static final Set<String> GROUPS = Set.of("cert-manager.io", "gateway.networking.k8s.io", "monitoring.coreos.com",
            "postgresql.cnpg.io", "k8s.keycloak.org", "external-secrets.io");

    /** apiVersion + "/" + kind -> schema resource. */
    static final Map<String, String> SCHEMAS = Map.of(
            "cert-manager.io/v1/Certificate", "/third-party/crd-schemas/cert-manager.io/v1/Certificate.json",
            "gateway.networking.k8s.io/v1/Gateway", "/third-party/crd-schemas/gateway.networking.k8s.io/v1/Gateway.json",
            "gateway.networking.k8s.io/v1/HTTPRoute", "/third-party/crd-schemas/gateway.networking.k8s.io/v1/HTTPRoute.json",
            "monitoring.coreos.com/v1/ServiceMonitor", "/third-party/crd-schemas/monitoring.coreos.com/v1/ServiceMonitor.json",
            "monitoring.coreos.com/v1/PrometheusRule", "/third-party/crd-schemas/monitoring.coreos.com/v1/PrometheusRule.json",
            "postgresql.cnpg.io/v1/Cluster", "/structural-schemas/postgresql.cnpg.io/v1/Cluster.json",
            "postgresql.cnpg.io/v1/Database", "/structural-schemas/postgresql.cnpg.io/v1/Database.json",
            "postgresql.cnpg.io/v1/ScheduledBackup", "/structural-schemas/postgresql.cnpg.io/v1/ScheduledBackup.json",
            "k8s.keycloak.org/v2alpha1/Keycloak", "/structural-schemas/k8s.keycloak.org/v2alpha1/Keycloak.json",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "/structural-schemas/k8s.keycloak.org/v2alpha1/KeycloakRealmImport.json");

    private static final Map<String, JsonSchema> LOADED = new HashMap<>();

    private CrdSchemas() {
    }

    static List<String> validate(Manifests manifests, SourceIndex sources) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < manifests.resources().size(); i++) {
            HasMetadata resource = manifests.resources().get(i);
            String apiVersion = resource.getApiVersion();
            if (apiVersion == null || !apiVersion.contains("/") || !GROUPS.contains(apiVersion.substring(0, apiVersion.indexOf('/')))) {
                continue;
            }
            String key = apiVersion + "/" + resource.getKind();
            String where = sources.describe(resource);
            if (!SCHEMAS.containsKey(key)) {
                problems.add(where + ": apiVersion: no CRD schema for " + resource.getKind() + " " + apiVersion
                        + " in deploy-check (add it to CrdSchemas with its source)");
                continue;
            }
            JsonSchema schema = schema(SCHEMAS.get(key));
            schema.validate(manifests.documents().get(i)).stream()
                    .sorted(Comparator.comparing(ValidationMessage::toString))
                    .forEach(message -> problems.add(where + ": " + field(message) + ": " + message.getError()
                            + " (schema " + SCHEMAS.get(key).substring(1) + ")"));
        }
        return problems;
    }

    private static String field(ValidationMessage message) {
        String path = message.getInstanceLocation().toString();
        path = path.equals("$") ? "" : path.startsWith("$.") ? path.substring(2) : path;
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            path = path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
        }
        return path.isEmpty() ? "(object)" : path;
    }

    private static synchronized JsonSchema schema(String resource) {
        return LOADED.computeIfAbsent(resource, r -> {
            try (InputStream in = CrdSchemas.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new AssertionError("missing schema resource " + r);
                }
                JsonNode node = JSON.readTree(in);
                return FACTORY.getSchema(prepare(node));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Reads a CRD schema as the API server applies it: ObjectMeta (referenced by name in the vendored files) is the
     * API server's business and checked by the fabric8 parse; object schemas with declared properties are closed
     * unless they say otherwise (x-kubernetes-preserve-unknown-fields or additionalProperties).
     */
    static JsonNode prepare(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (OBJECT_META_REF.equals(object.path("$ref").asText(null))) {
                ObjectNode meta = JSON.createObjectNode();
                meta.put("type", "object");
                return meta;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode prepared = prepare(field.getValue());
                if (prepared != field.getValue()) {
                    replaced.add(Map.entry(field.getKey(), prepared));
                }
            }
            replaced.forEach(e -> object.set(e.getKey(), e.getValue()));
            JsonNode type = object.get("type");
            boolean objectSchema = type == null || (type.isTextual() && "object".equals(type.asText()));
            boolean declaresProperties = object.path("properties").isObject() && !object.path("properties").isEmpty();
            if (objectSchema && declaresProperties && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode prepared = prepare(array.get(i));
                if (prepared != array.get(i)) {
                    array.set(i, prepared);
                }
            }
        }
        return node;
    }
}
