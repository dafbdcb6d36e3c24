package cm.vigie.accounts.keycloak;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Users of the fake's realms, as the Keycloak admin API shows them: the ones a realm was imported with, the ones
 * created through {@code POST /admin/realms/{r}/users}, and the ones a test adds through
 * {@code POST /_fake/users?realm=r&username=u&roles=a,b[&enabled=false][&otp=true]}. A user is kept as its
 * representation plus two fake-only members: {@code realmRoles} and {@code credentialTypes}.
 */
final class FakeRealmUsers {

    record Answer(int status, String body, String location) {
        static Answer of(int status, String body) {
            return new Answer(status, body, null);
        }
    }

    private final ObjectMapper json;
    /** realm → user id → user */
    private final Map<String, Map<String, ObjectNode>> users = new ConcurrentHashMap<>();

    FakeRealmUsers(ObjectMapper json) {
        this.json = json;
    }

    /** The users in a realm representation being imported. */
    void imported(String realm, JsonNode representation) {
        for (JsonNode user : representation.path("users")) {
            ObjectNode copy = ((ObjectNode) user).deepCopy();
            List<String> types = new ArrayList<>();
            user.path("credentials").forEach(c -> types.add(c.path("type").asText()));
            copy.remove("credentials");
            add(realm, copy, types);
        }
    }

    void removed(String realm) {
        users.remove(realm);
    }

    ObjectNode add(String realm, ObjectNode user, List<String> credentialTypes) {
        user.put("id", user.path("id").asText(UUID.randomUUID().toString()));
        user.put("username", user.path("username").asText().toLowerCase(Locale.ROOT));
        if (!user.has("enabled")) {
            user.put("enabled", true);
        }
        if (!user.has("requiredActions")) {
            user.putArray("requiredActions");
        }
        if (!user.has("realmRoles")) {
            user.putArray("realmRoles");
        }
        ArrayNode types = user.putArray("credentialTypes");
        credentialTypes.forEach(types::add);
        users.computeIfAbsent(realm, r -> new ConcurrentHashMap<>()).put(user.path("id").asText(), user);
        return user;
    }

    /** {@code POST /_fake/users}: adds or replaces a user by name. */
    Answer control(Map<String, String> query) throws IOException {
        String realm = query.get("realm");
        String username = query.get("username").toLowerCase(Locale.ROOT);
        ofRealm(realm).values().removeIf(u -> u.path("username").asText().equals(username));
        ObjectNode user = json.createObjectNode().put("username", username)
                .put("enabled", !"false".equals(query.get("enabled")));
        ArrayNode roles = user.putArray("realmRoles");
        for (String role : query.getOrDefault("roles", "").split(",")) {
            if (!role.isBlank()) {
                roles.add(role.strip());
            }
        }
        List<String> types = new ArrayList<>(List.of("password"));
        if ("true".equals(query.get("otp"))) {
            types.add("otp");
        }
        return Answer.of(200, json.writeValueAsString(add(realm, user, types)));
    }

    /** {@code GET /_fake/users/{realm}/{username}}: the user with its fake-only members, or 404. */
    Answer read(String realm, String username) throws IOException {
        return ofRealm(realm).values().stream().filter(u -> u.path("username").asText().equals(username)).findFirst()
                .map(u -> {
                    try {
                        return Answer.of(200, json.writeValueAsString(u));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).orElse(Answer.of(404, "{}"));
    }

    /** {@code rest} is what follows {@code /admin/realms/{realm}/}: {@code users...} or {@code roles/{role}/users}. */
    Answer admin(String method, String realm, String rest, Map<String, String> query, byte[] body) throws IOException {
        String[] parts = rest.split("/");
        Map<String, ObjectNode> all = ofRealm(realm);
        if (parts[0].equals("roles") && parts.length == 3 && parts[2].equals("users") && method.equals("GET")) {
            List<ObjectNode> members = all.values().stream().filter(u -> hasRole(u, parts[1])).toList();
            return Answer.of(200, list(page(members, query)));
        }
        if (!parts[0].equals("users")) {
            return Answer.of(404, "{\"error\":\"Unable to find matching target resource method\"}");
        }
        if (parts.length == 1) {
            if (method.equals("POST")) {
                ObjectNode user = (ObjectNode) json.readTree(body);
                String username = user.path("username").asText().toLowerCase(Locale.ROOT);
                if (all.values().stream().anyMatch(u -> u.path("username").asText().equals(username))) {
                    return Answer.of(409, "{\"errorMessage\":\"User exists with same username\"}");
                }
                List<String> types = new ArrayList<>();
                user.path("credentials").forEach(c -> types.add(c.path("type").asText()));
                user.remove("credentials");
                ObjectNode added = add(realm, user, types);
                return new Answer(201, null, "/admin/realms/" + realm + "/users/" + added.path("id").asText());
            }
            String username = query.get("username");
            boolean exact = "true".equals(query.get("exact"));
            List<ObjectNode> found = all.values().stream()
                    .filter(u -> username == null || (exact ? u.path("username").asText().equals(username.toLowerCase(Locale.ROOT))
                            : u.path("username").asText().contains(username.toLowerCase(Locale.ROOT))))
                    .sorted((a, b) -> a.path("username").asText().compareTo(b.path("username").asText())).toList();
            return Answer.of(200, list(page(found, query)));
        }
        ObjectNode user = all.get(parts[1]);
        if (user == null) {
            return Answer.of(404, "{\"error\":\"User not found\"}");
        }
        if (parts.length == 2) {
            switch (method) {
                case "GET" -> {
                    return Answer.of(200, json.writeValueAsString(representation(user)));
                }
                case "PUT" -> {
                    JsonNode change = json.readTree(body);
                    change.properties().forEach(field -> {
                        if (!field.getKey().equals("id") && !field.getKey().equals("realmRoles")) {
                            user.set(field.getKey(), field.getValue());
                        }
                    });
                    return Answer.of(204, null);
                }
                case "DELETE" -> {
                    all.remove(parts[1]);
                    return Answer.of(204, null);
                }
                default -> {
                    return Answer.of(405, null);
                }
            }
        }
        if (parts.length == 3 && parts[2].equals("credentials") && method.equals("GET")) {
            ArrayNode credentials = json.createArrayNode();
            user.path("credentialTypes").forEach(t -> credentials.addObject().put("id", UUID.nameUUIDFromBytes(
                    (user.path("id").asText() + t.asText()).getBytes()).toString()).put("type", t.asText()));
            return Answer.of(200, json.writeValueAsString(credentials));
        }
        return Answer.of(404, "{\"error\":\"Unable to find matching target resource method\"}");
    }

    private Map<String, ObjectNode> ofRealm(String realm) {
        return users.computeIfAbsent(realm, r -> new ConcurrentHashMap<>());
    }

    private static boolean hasRole(ObjectNode user, String role) {
        for (JsonNode r : user.path("realmRoles")) {
            if (r.asText().equals(role)) {
                return true;
            }
        }
        return false;
    }

    private static List<ObjectNode> page(List<ObjectNode> users, Map<String, String> query) {
        int first = Integer.parseInt(query.getOrDefault("first", "0"));
        int max = Integer.parseInt(query.getOrDefault("max", "100"));
        return users.subList(Math.min(first, users.size()), Math.min(users.size(), first + max));
    }

    private String list(List<ObjectNode> users) throws IOException {
        ArrayNode array = json.createArrayNode();
        users.forEach(u -> array.add(representation(u)));
        return json.writeValueAsString(array);
    }

    private static ObjectNode representation(ObjectNode user) {
        ObjectNode rep = user.deepCopy();
        rep.remove("realmRoles");
        rep.remove("credentialTypes");
        rep.put("totp", false);
        return rep;
    }
}
