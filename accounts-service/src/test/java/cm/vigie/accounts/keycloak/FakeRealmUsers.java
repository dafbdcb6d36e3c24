package cm.vigie.accounts.keycloak;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The users of the fake's realms, answering the part of Keycloak's admin API the members API uses, the way Keycloak
 * 26 does: {@code users} (list, count, create with credentials but not roles, read, update, delete), realm role
 * mappings, {@code reset-password}, {@code credentials}, {@code sessions}, {@code logout}, {@code roles/{name}} and
 * {@code roles/{name}/users}. Each stored user keeps its roles, credentials and sessions under {@code _} keys that
 * representations leave out.
 */
final class FakeRealmUsers {

    private final ObjectMapper json;
    private final Map<String, Map<String, ObjectNode>> users = new ConcurrentHashMap<>();
    private final Map<String, List<String>> roles = new ConcurrentHashMap<>();

    FakeRealmUsers(ObjectMapper json) {
        this.json = json;
    }

    void importRealm(String realm, List<String> realmRoles, JsonNode imported) {
        Map<String, ObjectNode> stored = new ConcurrentHashMap<>();
        roles.put(realm, List.copyOf(realmRoles));
        for (JsonNode user : imported) {
            ObjectNode copy = ((ObjectNode) user).deepCopy();
            String id = UUID.randomUUID().toString();
            copy.put("id", id);
            copy.put("createdTimestamp", System.currentTimeMillis());
            if (!copy.has("requiredActions")) {
                copy.putArray("requiredActions");
            }
            ArrayNode userRoles = copy.putArray("_roles");
            user.path("realmRoles").forEach(userRoles::add);
            copy.remove("realmRoles");
            copy.set("_credentials", credentials(user.path("credentials")));
            copy.remove("credentials");
            copy.putArray("_sessions");
            stored.put(id, copy);
        }
        users.put(realm, stored);
    }

    void handle(HttpExchange exchange, String realm, String path, String method, Map<String, String> query, byte[] body)
            throws IOException {
        Map<String, ObjectNode> realmUsers = users.computeIfAbsent(realm, r -> new ConcurrentHashMap<>());
        String[] parts = path.split("/");
        if (parts[0].equals("roles") && parts.length >= 2) {
            String role = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            if (!roles.getOrDefault(realm, List.of()).contains(role)) {
                FakeKeycloakAdmin.send(exchange, 404, "{\"error\":\"Could not find role\"}");
            } else if (parts.length == 2) {
                FakeKeycloakAdmin.send(exchange, 200, json.writeValueAsString(role(role)));
            } else {
                List<ObjectNode> holders = sorted(realmUsers).stream()
                        .filter(u -> contains(u.path("_roles"), role)).toList();
                FakeKeycloakAdmin.send(exchange, 200, json.writeValueAsString(page(holders, query)));
            }
            return;
        }
        if (!parts[0].equals("users")) {
            FakeKeycloakAdmin.send(exchange, 404, "{\"error\":\"Unable to find matching target resource method\"}");
            return;
        }
        if (parts.length == 1) {
            if (method.equals("GET")) {
                FakeKeycloakAdmin.send(exchange, 200, json.writeValueAsString(page(sorted(realmUsers), query)));
            } else if (method.equals("POST")) {
                create(exchange, realm, realmUsers, (ObjectNode) json.readTree(body));
            } else {
                FakeKeycloakAdmin.send(exchange, 405, null);
            }
            return;
        }
        if (parts[1].equals("count")) {
            FakeKeycloakAdmin.send(exchange, 200, String.valueOf(realmUsers.size()));
            return;
        }
        ObjectNode user = realmUsers.get(parts[1]);
        if (user == null) {
            FakeKeycloakAdmin.send(exchange, 404, "{\"error\":\"User not found\"}");
            return;
        }
        String sub = parts.length == 2 ? "" : String.join("/", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        switch (method + " " + sub) {
            case "GET " -> FakeKeycloakAdmin.send(exchange, 200, json.writeValueAsString(representation(user)));
            case "PUT " -> {
                JsonNode change = json.readTree(body);
                change.fields().forEachRemaining(field -> {
                    if (!field.getKey().startsWith("_") && !field.getKey().equals("id") && !field.getValue().isNull()) {
                        user.set(field.getKey(), field.getValue());
                    }
                });
                if (!user.path("enabled").asBoolean(true)) {
                    user.putArray("_sessions");
                }
                FakeKeycloakAdmin.send(exchange, 204, null);
            }
            case "DELETE " -> {
                realmUsers.remove(parts[1]);
                FakeKeycloakAdmin.send(exchange, 204, null);
            }
            case "GET role-mappings/realm", "GET role-mappings/realm/composite" -> {
                ArrayNode answer = json.createArrayNode();
                user.path("_roles").forEach(role -> answer.add(role(role.asText())));
                answer.add(role("default-roles-" + realm));
                FakeKeycloakAdmin.send(exchange, 200, json.writeValueAsString(answer));
            }
            case "POST role-mappings/realm" -> {
                ArrayNode userRoles = (ArrayNode) user.get("_roles");
                for (JsonNode role : json.readTree(body)) {
                    String name = role.path("name").asText();
                    if (!roles.getOrDefault(realm, List.of()).contains(name)) {
                        FakeKeycloakAdmin.send(exchange, 404, "{\"error\":\"Role not found\"}");
                        return;
                    }
                    if (!contains(userRoles, name)) {
                        userRoles.add(name);
                    }
                }
                FakeKeycloakAdmin.send(exchange, 204, null);
            }
            case "DELETE role-mappings/realm" -> {
                List<String> removed = new ArrayList<>();
                json.readTree(body).forEach(role -> removed.add(role.path("name").asText()));
                ArrayNode kept = json.createArrayNode();
                user.path("_roles").forEach(role -> {
                    if (!removed.contains(role.asText())) {
                        kept.add(role);
                    }
                });
                user.set("_roles", kept);
                FakeKeycloakAdmin.send(exchange, 204, null);
            }
            case "PUT reset-password" -> {
                JsonNode credential = json.readTree(body);
                ArrayNode credentials = json.createArrayNode();
                user.path("_credentials").forEach(c -> {
                    if (!c.path("type").asText().equals("password")) {
                        credentials.add(c);
                    }
                });
                credentials.add(credential(credential));
                user.set("_credentials", credentials);
                FakeKeycloakAdmin.send(exchange, 204, null);
            }
            case "GET credentials" -> {
                ArrayNode answer = json.createArrayNode();
                user.path("_credentials").forEach(c -> answer.addObject().put("id", c.path("id").asText())
                        .put("type", c.path("type").asText()).put("createdDate", c.path("createdDate").asLong()));
                FakeKeycloakAdmin.send(exchange, 200, json.writeValueAsString(answer));
            }
            case "GET sessions" -> FakeKeycloakAdmin.send(exchange, 200, json.writeValueAsString(user.path("_sessions")));
            case "POST logout" -> {
                user.putArray("_sessions");
                FakeKeycloakAdmin.send(exchange, 204, null);
            }
            default -> FakeKeycloakAdmin.send(exchange, 404, "{\"error\":\"Unable to find matching target resource method\"}");
        }
    }

    /** {@code GET /_fake/realms/r/users/{username}} and {@code POST .../{username}/activate?otp=true}. */
    void control(HttpExchange exchange, String realm, String what, String method, Map<String, String> query) throws IOException {
        String[] parts = what.split("/");
        String username = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        if (parts.length == 2 && parts[1].equals("put") && method.equals("POST")) {
            put(realm, username, query);
            FakeKeycloakAdmin.send(exchange, 204, null);
            return;
        }
        ObjectNode user = users.getOrDefault(realm, Map.of()).values().stream()
                .filter(u -> u.path("username").asText().equals(username)).findFirst().orElse(null);
        if (user == null) {
            FakeKeycloakAdmin.send(exchange, 404, "{}");
        } else if (parts.length == 1 && method.equals("GET")) {
            FakeKeycloakAdmin.send(exchange, 200, json.writeValueAsString(user));
        } else if (parts.length == 2 && parts[1].equals("activate") && method.equals("POST")) {
            user.putArray("requiredActions");
            user.path("_credentials").forEach(c -> ((ObjectNode) c).put("temporary", false));
            if (Boolean.parseBoolean(query.getOrDefault("otp", "false"))) {
                ((ArrayNode) user.get("_credentials")).addObject().put("id", UUID.randomUUID().toString())
                        .put("type", "otp").put("createdDate", System.currentTimeMillis());
            }
            long now = System.currentTimeMillis();
            ((ArrayNode) user.get("_sessions")).addObject().put("id", UUID.randomUUID().toString())
                    .put("username", username).put("start", now).put("lastAccess", now);
            FakeKeycloakAdmin.send(exchange, 204, null);
        } else {
            FakeKeycloakAdmin.send(exchange, 404, "{}");
        }
    }

    /**
     * {@code POST /_fake/realms/r/users/{username}/put?roles=a,b[&enabled=false][&otp=true]}: a member as if invited and
     * activated (replacing one of that name), for tests that need members without going through the members API.
     */
    private void put(String realm, String username, Map<String, String> query) {
        Map<String, ObjectNode> realmUsers = users.computeIfAbsent(realm, r -> new ConcurrentHashMap<>());
        String name = username.toLowerCase(Locale.ROOT);
        realmUsers.values().removeIf(u -> u.path("username").asText().equals(name));
        ObjectNode user = json.createObjectNode();
        String id = UUID.randomUUID().toString();
        user.put("id", id).put("username", name).put("enabled", !"false".equals(query.get("enabled")))
                .put("createdTimestamp", System.currentTimeMillis());
        user.putArray("requiredActions");
        ArrayNode userRoles = user.putArray("_roles");
        for (String role : query.getOrDefault("roles", "").split(",")) {
            if (!role.isBlank()) {
                userRoles.add(role.strip());
            }
        }
        ArrayNode credentials = user.putArray("_credentials");
        credentials.addObject().put("id", UUID.randomUUID().toString()).put("type", "password").put("temporary", false);
        if ("true".equals(query.get("otp"))) {
            credentials.addObject().put("id", UUID.randomUUID().toString()).put("type", "otp")
                    .put("createdDate", System.currentTimeMillis());
        }
        user.putArray("_sessions");
        realmUsers.put(id, user);
    }

    private void create(HttpExchange exchange, String realm, Map<String, ObjectNode> realmUsers, ObjectNode rep)
            throws IOException {
        String username = rep.path("username").asText().toLowerCase(Locale.ROOT);
        String email = rep.path("email").asText("").toLowerCase(Locale.ROOT);
        boolean taken = realmUsers.values().stream().anyMatch(u -> u.path("username").asText().equalsIgnoreCase(username)
                || (!email.isEmpty() && u.path("email").asText("").equalsIgnoreCase(email)));
        if (taken) {
            FakeKeycloakAdmin.send(exchange, 409, "{\"errorMessage\":\"User exists with same username\"}");
            return;
        }
        ObjectNode user = rep.deepCopy();
        String id = UUID.randomUUID().toString();
        user.put("id", id);
        user.put("username", username);
        user.put("createdTimestamp", System.currentTimeMillis());
        if (!user.has("requiredActions") || user.get("requiredActions").isNull()) {
            user.putArray("requiredActions");
        }
        user.remove("realmRoles"); // Keycloak ignores roles on creation: they are mapped afterwards
        user.putArray("_roles");
        user.set("_credentials", credentials(rep.path("credentials")));
        user.remove("credentials");
        user.putArray("_sessions");
        realmUsers.put(id, user);
        exchange.getResponseHeaders().add("Location", "http://fake/admin/realms/" + realm + "/users/" + id);
        FakeKeycloakAdmin.send(exchange, 201, null);
    }

    private ArrayNode credentials(JsonNode given) {
        ArrayNode credentials = json.createArrayNode();
        given.forEach(c -> credentials.add(credential(c)));
        return credentials;
    }

    private ObjectNode credential(JsonNode given) {
        ObjectNode credential = json.createObjectNode();
        credential.put("id", UUID.randomUUID().toString());
        credential.put("type", given.path("type").asText("password"));
        credential.put("value", given.path("value").asText());
        credential.put("temporary", given.path("temporary").asBoolean(false));
        credential.put("createdDate", System.currentTimeMillis());
        return credential;
    }

    private ObjectNode role(String name) {
        return json.createObjectNode().put("id", "role-" + name).put("name", name).put("composite", false)
                .put("clientRole", false);
    }

    private ObjectNode representation(ObjectNode user) {
        ObjectNode rep = user.deepCopy();
        List<String> internal = new ArrayList<>();
        rep.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("_")) {
                internal.add(name);
            }
        });
        rep.remove(internal);
        return rep;
    }

    private List<ObjectNode> sorted(Map<String, ObjectNode> realmUsers) {
        return realmUsers.values().stream().sorted(Comparator.comparing(u -> u.path("username").asText())).toList();
    }

    private ArrayNode page(List<ObjectNode> all, Map<String, String> query) {
        int first = Integer.parseInt(query.getOrDefault("first", "0"));
        int max = Integer.parseInt(query.getOrDefault("max", "100"));
        ArrayNode answer = json.createArrayNode();
        all.stream().skip(first).limit(max).forEach(u -> answer.add(representation(u)));
        return answer;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
