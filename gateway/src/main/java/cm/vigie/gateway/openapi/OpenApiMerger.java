package cm.vigie.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Merges the services' OpenAPI documents into the one document the gateway publishes.
 * <ul>
 * <li>Paths: every public path ({@code /api/**}) of every service; internal and Quarkus paths are left out.</li>
 * <li>Components: a name defined identically by several services is kept once; a name defined differently is
 * prefixed with the service's name in every service that defines it ({@code Page} becomes {@code WatchPage} and
 * {@code PlanPage}), and that service's references are rewritten.</li>
 * <li>Operation ids: kept when unique; a clash is resolved by prefixing the later one with its service name.</li>
 * <li>Security: the services' own schemes are replaced by one OAuth2 / OpenID Connect scheme whose description
 * explains the realm-per-institution URL pattern (Swagger UI signs in with it), and an HTTP bearer scheme for the same
 * token; a protected operation accepts either.</li>
 * </ul>
 * Pure: documents in, document out; what it had to rename is reported in {@link Result#notes()}.
 */
public final class OpenApiMerger {

    public static final String SECURITY_SCHEME = "vigie";
    /**
     * The same Keycloak token, declared as plain HTTP bearer: generated clients then send {@code Bearer <token>}
     * themselves (with the OAuth2 scheme alone they send the Authorization value as given).
     */
    public static final String BEARER_SCHEME = "bearer";
    private static final List<String> COMPONENT_KINDS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "links", "callbacks", "pathItems");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Where the merged document says the API and its tokens live. */
    public record Settings(String gatewayUrl, String keycloakUrl, String demoRealm, String version) {
    }

    public record Result(ObjectNode document, List<String> notes) {
    }

    private final Settings settings;

    public OpenApiMerger(Settings settings) {
        this.settings = settings;
    }

    /** @param documents service name to its document, in a stable order (the first one wins ties) */
    public Result merge(Map<String, JsonNode> documents) {
        List<String> notes = new ArrayList<>();
        Map<String, ObjectNode> docs = new LinkedHashMap<>();
        documents.forEach((service, doc) -> {
            if (doc != null && doc.isObject()) {
                docs.put(service, ((ObjectNode) doc).deepCopy());
            }
        });

        // 1. Which component names must be prefixed, per service.
        Map<String, Map<String, String>> renames = new HashMap<>(); // service -> "kind/name" -> new name
        for (String kind : COMPONENT_KINDS) {
            Map<String, Map<String, JsonNode>> definitions = new LinkedHashMap<>(); // name -> service -> definition
            docs.forEach((service, doc) -> doc.path("components").path(kind).properties()
                    .forEach(entry -> definitions.computeIfAbsent(entry.getKey(), k -> new LinkedHashMap<>())
                            .put(service, entry.getValue())));
            definitions.forEach((name, byService) -> {
                if (new LinkedHashSet<>(byService.values()).size() > 1) {
                    byService.keySet().forEach(service -> {
                        String renamed = pascal(service) + name;
                        renames.computeIfAbsent(service, s -> new HashMap<>()).put(kind + "/" + name, renamed);
                    });
                    notes.add(kind + " '" + name + "' differs between " + String.join(", ", byService.keySet())
                            + ": prefixed with the service name");
                }
            });
        }
        docs.forEach((service, doc) -> rewriteRefs(doc, renames.getOrDefault(service, Map.of())));

        // 2. Merge.
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", openapiVersion(docs.values()));
        merged.set("info", info(docs.keySet()));
        merged.set("servers", NODES.arrayNode().add(NODES.objectNode()
                .put("url", settings.gatewayUrl()).put("description", "Vigie gateway")));
        ObjectNode tags = NODES.objectNode();
        ObjectNode paths = NODES.objectNode();
        ObjectNode components = NODES.objectNode();
        Set<String> operationIds = new LinkedHashSet<>();

        docs.forEach((service, doc) -> {
            Map<String, String> renamed = renames.getOrDefault(service, Map.of());
            doc.path("tags").forEach(tag -> {
                if (tag.hasNonNull("name") && !tags.has(tag.get("name").asText())) {
                    tags.set(tag.get("name").asText(), tag);
                }
            });
            doc.path("paths").properties().forEach(entry -> {
                String path = entry.getKey();
                if (!path.startsWith("/api/")) {
                    return;
                }
                if (paths.has(path)) {
                    notes.add("path " + path + " is described by several services; " + service + "'s is left out");
                    return;
                }
                ObjectNode item = (ObjectNode) entry.getValue();
                item.properties().forEach(op -> {
                    if (METHODS.contains(op.getKey()) && op.getValue().isObject()) {
                        normalizeOperation(service, path, op.getKey(), (ObjectNode) op.getValue(), operationIds, notes);
                    }
                });
                paths.set(path, item);
            });
            for (String kind : COMPONENT_KINDS) {
                doc.path("components").path(kind).properties().forEach(entry -> {
                    String name = renamed.getOrDefault(kind + "/" + entry.getKey(), entry.getKey());
                    ObjectNode target = components.has(kind) ? (ObjectNode) components.get(kind) : components.putObject(kind);
                    if (!target.has(name)) {
                        target.set(name, entry.getValue());
                    }
                });
            }
        });
        merged.set("tags", sortedTags(tags));
        merged.set("paths", paths);
        ObjectNode schemes = NODES.objectNode();
        schemes.set(SECURITY_SCHEME, securityScheme());
        schemes.set(BEARER_SCHEME, bearerScheme());
        components.set("securitySchemes", schemes);
        merged.set("components", components);
        return new Result(merged, List.copyOf(notes));
    }

    private void normalizeOperation(String service, String path, String method, ObjectNode operation,
            Set<String> operationIds, List<String> notes) {
        String id = operation.path("operationId").asText("");
        if (id.isBlank()) {
            id = service + pascal(method) + pascal(path.replaceAll("[^A-Za-z0-9]+", " ").strip().replace(' ', '-'));
            notes.add(method.toUpperCase(Locale.ROOT) + " " + path + " has no operationId: named " + id);
        }
        if (!operationIds.add(id)) {
            String unique = service + pascal(id);
            notes.add("operationId '" + id + "' is used twice: " + service + "'s becomes '" + unique + "'");
            id = unique;
            operationIds.add(id);
        }
        operation.put("operationId", id);
        if (operation.has("security")) {
            ArrayNode security = NODES.arrayNode();
            boolean anonymous = false;
            for (JsonNode requirement : operation.get("security")) {
                if (requirement.isEmpty()) {
                    anonymous = true;
                }
            }
            if (anonymous) {
                security.addObject();
            }
            if (!anonymous || operation.get("security").size() > 1) {
                security.add(NODES.objectNode().set(SECURITY_SCHEME, NODES.arrayNode()));
                security.add(NODES.objectNode().set(BEARER_SCHEME, NODES.arrayNode()));
            }
            operation.set("security", security);
        }
    }

    private ObjectNode info(Set<String> services) {
        ObjectNode info = NODES.objectNode();
        info.put("title", "Vigie API");
        info.put("version", settings.version());
        info.put("description", """
                One API for all Vigie services (%s), served by the gateway.

                **Authentication.** Every operation except `/api/public/**` and the Meta webhook needs a bearer token \
                from Keycloak, sent as `Authorization: Bearer <token>` (security scheme `bearer`; generated clients \
                take the bare token and add `Bearer ` themselves; Swagger UI signs in with the OAuth2 scheme `vigie`). Each institution is its own realm, named by its slug: tokens come from \
                `%s/realms/{institution}` (for example `%s/realms/minsante`); platform operators use realm `platform`. \
                Swagger UI logs in against the demo realm `%s` with the public client `vigie-console`.

                **Errors** are RFC 9457 `application/problem+json`, in French or English by `Accept-Language`. \
                The gateway itself answers 401 (no or bad token), 413 (body over 5 MB), 429 (rate limit, with \
                `Retry-After` and `RateLimit-*` headers), 503 (service down) and 504 (service too slow)."""
                .formatted(String.join(", ", services), settings.keycloakUrl(), settings.keycloakUrl(),
                        settings.demoRealm()));
        return info;
    }

    private ObjectNode securityScheme() {
        String realm = stripSlash(settings.keycloakUrl()) + "/realms/" + settings.demoRealm();
        ObjectNode scheme = NODES.objectNode();
        scheme.put("type", "oauth2");
        scheme.put("description", "Keycloak, one realm per institution: `" + stripSlash(settings.keycloakUrl())
                + "/realms/{institution}/protocol/openid-connect/...`. The URLs below are those of the demo realm `"
                + settings.demoRealm() + "`; the gateway accepts a token of any active institution's realm.");
        ObjectNode code = scheme.putObject("flows").putObject("authorizationCode");
        code.put("authorizationUrl", realm + "/protocol/openid-connect/auth");
        code.put("tokenUrl", realm + "/protocol/openid-connect/token");
        code.put("refreshUrl", realm + "/protocol/openid-connect/token");
        code.putObject("scopes").put("openid", "OpenID Connect sign-in");
        return scheme;
    }

    private ObjectNode bearerScheme() {
        ObjectNode scheme = NODES.objectNode();
        scheme.put("type", "http");
        scheme.put("scheme", "bearer");
        scheme.put("bearerFormat", "JWT");
        scheme.put("description", "The access token of the OAuth2 scheme `" + SECURITY_SCHEME
                + "`, sent as `Authorization: Bearer <token>`. Pass the bare token to a generated client: it adds"
                + " `Bearer ` itself.");
        return scheme;
    }

    private static String openapiVersion(Iterable<ObjectNode> docs) {
        for (ObjectNode doc : docs) {
            if (doc.path("openapi").isTextual()) {
                return doc.get("openapi").asText();
            }
        }
        return "3.1.0";
    }

    private static ArrayNode sortedTags(ObjectNode tags) {
        ArrayNode sorted = NODES.arrayNode();
        tags.properties().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> sorted.add(entry.getValue()));
        return sorted;
    }

    /** Rewrites every {@code $ref} to a renamed component, and the names under {@code discriminator.mapping}. */
    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    String renamed = renamedRef(field.getValue().asText(), renames);
                    if (renamed != null) {
                        replaced.add(Map.entry("$ref", TextNode.valueOf(renamed)));
                    }
                } else if (field.getKey().equals("mapping") && field.getValue().isObject()) {
                    field.getValue().properties().forEach(m -> {
                        String renamed = m.getValue().isTextual() ? renamedRef(m.getValue().asText(), renames) : null;
                        if (renamed != null) {
                            replaced.add(Map.entry("mapping." + m.getKey(), TextNode.valueOf(renamed)));
                        }
                    });
                } else {
                    rewriteRefs(field.getValue(), renames);
                }
            }
            replaced.forEach(r -> {
                if (r.getKey().startsWith("mapping.")) {
                    ((ObjectNode) object.get("mapping")).set(r.getKey().substring("mapping.".length()), r.getValue());
                } else {
                    object.set(r.getKey(), r.getValue());
                }
            });
            // the components themselves are renamed when merged; references inside them were rewritten above
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static String renamedRef(String ref, Map<String, String> renames) {
        String prefix = "#/components/";
        if (!ref.startsWith(prefix)) {
            return null;
        }
        String key = ref.substring(prefix.length()); // kind/name
        String renamed = renames.get(key);
        return renamed == null ? null : prefix + key.substring(0, key.indexOf('/') + 1) + renamed;
    }

    static String pascal(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
