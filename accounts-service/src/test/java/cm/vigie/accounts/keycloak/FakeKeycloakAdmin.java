package cm.vigie.accounts.keycloak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Keycloak Admin REST API, on the JDK HTTP server: the token endpoint of realm master and
 * {@code /admin/realms}, keeping realms in memory. Tests steer it over HTTP ({@code /_fake/...}) because they run in
 * another class loader than the one that started it:
 * <ul>
 * <li>{@code POST /_fake/fail?op=create|update&realm=r&status=500}: the next such call for that realm fails;</li>
 * <li>{@code POST /_fake/slow?op=create&realm=r&millis=6000}: the next creation is applied, then answered late;</li>
 * <li>{@code POST /_fake/slow?op=create-late&realm=r&millis=6000}: the next creation is applied late, then answered
 * (Keycloak still importing the realm when the caller gives up);</li>
 * <li>{@code GET /_fake/removed/r}: 200 once realm r was removed through the admin API, else 404;</li>
 * <li>{@code GET /_fake/realms/r}: the realm as imported, or 404;</li>
 * <li>{@code POST /_fake/fail?op=users&realm=r&status=503}: the next call about users, roles or sessions of r fails;</li>
 * <li>the users of each realm ({@link FakeRealmUsers}): {@code GET /_fake/realms/r/users/{username}} shows one as
 * stored (credentials included), {@code POST /_fake/realms/r/users/{username}/activate?otp=true} plays the member's
 * first sign-in (password chosen, TOTP enrolled, a session started), {@code POST /_fake/realms/r/users/{username}/put?roles=a,b}
 * makes an activated member directly ({@code &enabled=false}, {@code &otp=true}).</li>
 * </ul>
 */
public final class FakeKeycloakAdmin implements AutoCloseable {

    public static final String USERNAME = "vigie-admin";
    public static final String PASSWORD = "fake-admin-secret";
    private static final String TOKEN = "fake-admin-token";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ObjectNode> realms = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    private final FakeRealmUsers realmUsers = new FakeRealmUsers(json);

    public FakeKeycloakAdmin() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "fake-keycloak-admin");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.startsWith("/_fake/")) {
                control(exchange, method, path.substring("/_fake/".length()), query);
                return;
            }
            if (path.equals("/realms/master/protocol/openid-connect/token") && method.equals("POST")) {
                Map<String, String> form = query(new String(body, StandardCharsets.UTF_8));
                boolean ok = "admin-cli".equals(form.get("client_id")) && "password".equals(form.get("grant_type"))
                        && USERNAME.equals(form.get("username")) && PASSWORD.equals(form.get("password"));
                if (ok) {
                    send(exchange, 200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":60,\"token_type\":\"Bearer\"}");
                } else {
                    send(exchange, 401, "{\"error\":\"invalid_grant\"}");
                }
                return;
            }
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":\"HTTP 401 Unauthorized\"}");
                return;
            }
            if (path.equals("/admin/realms") && method.equals("POST")) {
                ObjectNode realm = (ObjectNode) json.readTree(body);
                String name = realm.path("realm").asText();
                Long late = delays.remove("create-late:" + name);
                if (late != null) {
                    Thread.sleep(late);
                }
                Integer failure = failures.remove("create:" + name);
                if (failure != null) {
                    send(exchange, failure, "{\"errorMessage\":\"unknown_error\"}");
                    return;
                }
                if (realms.containsKey(name)) {
                    send(exchange, 409, "{\"errorMessage\":\"Conflict detected. See logs for details\"}");
                    return;
                }
                importUsers(name, realm);
                if (realms.putIfAbsent(name, realm) != null) {
                    send(exchange, 409, "{\"errorMessage\":\"Conflict detected. See logs for details\"}");
                    return;
                }
                Long delay = delays.remove("create:" + name);
                if (delay != null) {
                    Thread.sleep(delay);
                }
                exchange.getResponseHeaders().add("Location", url() + "/admin/realms/" + name);
                send(exchange, 201, null);
                return;
            }
            if (path.startsWith("/admin/realms/") && path.substring("/admin/realms/".length()).contains("/")) {
                String rest = path.substring("/admin/realms/".length());
                String name = URLDecoder.decode(rest.substring(0, rest.indexOf('/')), StandardCharsets.UTF_8);
                if (!realms.containsKey(name)) {
                    send(exchange, 404, "{\"error\":\"Realm not found.\"}");
                    return;
                }
                Integer failure = failures.remove("users:" + name);
                if (failure != null) {
                    send(exchange, failure, "{\"errorMessage\":\"unknown_error\"}");
                    return;
                }
                realmUsers.handle(exchange, name, rest.substring(rest.indexOf('/') + 1), method, query, body);
                return;
            }
            if (path.startsWith("/admin/realms/")) {
                String name = URLDecoder.decode(path.substring("/admin/realms/".length()), StandardCharsets.UTF_8);
                ObjectNode realm = realms.get(name);
                switch (method) {
                    case "GET" -> send(exchange, realm == null ? 404 : 200, realm == null ? "{\"error\":\"Realm not found.\"}" : json.writeValueAsString(realm));
                    case "PUT" -> {
                        Integer failure = failures.remove("update:" + name);
                        if (failure != null) {
                            send(exchange, failure, "{\"errorMessage\":\"unknown_error\"}");
                        } else if (realm == null) {
                            send(exchange, 404, "{\"error\":\"Realm not found.\"}");
                        } else {
                            JsonNode change = json.readTree(body);
                            change.fields().forEachRemaining(field -> {
                                if (!field.getValue().isNull()) { // like Keycloak, an absent setting is left as it is
                                    realm.set(field.getKey(), field.getValue());
                                }
                            });
                            send(exchange, 204, null);
                        }
                    }
                    case "DELETE" -> {
                        boolean existed = realms.remove(name) != null;
                        if (existed) {
                            removed.add(name);
                        }
                        send(exchange, existed ? 204 : 404, null);
                    }
                    default -> send(exchange, 405, null);
                }
                return;
            }
            send(exchange, 404, "{\"error\":\"Unable to find matching target resource method\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"error\":\"" + e + "\"}");
        }
    }

    private void importUsers(String realm, ObjectNode representation) {
        java.util.List<String> roles = new java.util.ArrayList<>();
        representation.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
        realmUsers.importRealm(realm, roles, representation.path("users"));
    }

    private void control(HttpExchange exchange, String method, String what, Map<String, String> query) throws IOException {
        if (what.startsWith("realms/") && what.contains("/users/")) {
            String realm = what.substring("realms/".length(), what.indexOf("/users/"));
            realmUsers.control(exchange, realm, what.substring(what.indexOf("/users/") + "/users/".length()), method, query);
        } else if (what.startsWith("realms/") && method.equals("GET")) {
            ObjectNode realm = realms.get(what.substring("realms/".length()));
            send(exchange, realm == null ? 404 : 200, realm == null ? "{}" : json.writeValueAsString(realm));
        } else if (what.startsWith("removed/")) {
            send(exchange, removed.contains(what.substring("removed/".length())) ? 200 : 404, null);
        } else if (what.equals("fail")) {
            failures.put(query.get("op") + ":" + query.get("realm"), Integer.parseInt(query.getOrDefault("status", "500")));
            send(exchange, 204, null);
        } else if (what.equals("slow")) {
            delays.put(query.get("op") + ":" + query.get("realm"), Long.parseLong(query.get("millis")));
            send(exchange, 204, null);
        } else {
            send(exchange, 404, null);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
