package cm.vigie.commons.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in, in tests, for the two things a service reads from outside: each realm's signing keys (as Keycloak
 * serves them at {@code /realms/<realm>/protocol/openid-connect/certs}) and accounts-service's institution
 * directory ({@code /internal/institutions}). Tokens are signed locally with the realm keys by {@link TestTokens},
 * so the services' resolver and signature checks run for real. Counts every request, to prove which calls were
 * (not) made.
 */
public final class TestIdentityProvider {

    public static final String SERVICE_KEY = "test-service-key";
    private static TestIdentityProvider instance;

    private final HttpServer server;
    private final Map<String, RsaJsonWebKey> realmKeys = new ConcurrentHashMap<>();
    private final Map<String, String> institutions = new ConcurrentHashMap<>();
    private final Map<String, String> quotas = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private TestIdentityProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        institutions.put("minsante", "ACTIVE");
        institutions.put("mincom", "ACTIVE");
    }

    public static synchronized TestIdentityProvider get() {
        if (instance == null) {
            try {
                instance = new TestIdentityProvider();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets the status ({@code ACTIVE}, {@code SUSPENDED}) the directory reports for an institution; null removes it. */
    public void institution(String slug, String status) {
        if (status == null) {
            institutions.remove(slug);
        } else {
            institutions.put(slug, status);
        }
    }

    /** Sets the quotas the directory publishes for an institution; null publishes none (the defaults apply). */
    public void quotas(String slug, cm.vigie.commons.quota.Quotas limits) {
        if (limits == null) {
            quotas.remove(slug);
        } else {
            quotas.put(slug, String.format("{\"watchlists\":%d,\"hoaxes\":%d,\"sources\":%d,\"webhooks\":%d,"
                    + "\"protectedPersons\":%d,\"alertStreams\":%d,\"alertStreamsPerUser\":%d,\"runningExercises\":%d}",
                    limits.watchlists(), limits.hoaxes(), limits.sources(), limits.webhooks(), limits.protectedPersons(),
                    limits.alertStreams(), limits.alertStreamsPerUser(), limits.runningExercises()));
        }
    }

    public int hits(String pathPrefix) {
        return hits.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    RsaJsonWebKey keyOf(String realm) {
        return realmKeys.computeIfAbsent(realm, r -> {
            try {
                RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
                key.setKeyId(r + "-key");
                key.setAlgorithm("RS256");
                key.setUse("sig");
                return key;
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        List<String> segments = List.of(path.split("/"));
        if (segments.size() == 6 && segments.get(1).equals("realms") && path.endsWith("/protocol/openid-connect/certs")) {
            respond(exchange, 200, new JsonWebKeySet(keyOf(segments.get(2))).toJson());
        } else if (path.equals("/internal/institutions")) {
            if (!SERVICE_KEY.equals(exchange.getRequestHeaders().getFirst("X-Vigie-Service-Key"))) {
                respond(exchange, 401, "{}");
                return;
            }
            respond(exchange, 200, institutions.entrySet().stream()
                    .map(e -> "{\"slug\":\"" + e.getKey() + "\",\"status\":\"" + e.getValue() + "\""
                            + (quotas.containsKey(e.getKey()) ? ",\"quotas\":" + quotas.get(e.getKey()) : "") + "}")
                    .collect(Collectors.joining(",", "[", "]")));
        } else if (segments.size() == 6 && segments.get(1).equals("realms") && path.endsWith("/protocol/openid-connect/token")) {
            respond(exchange, 200, "{\"access_token\":\"test-admin-token\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        } else if (segments.size() == 4 && segments.get(1).equals("admin") && segments.get(2).equals("realms")) {
            // a stand-in for Keycloak's admin API where every realm exists: lets accounts-service adopt a realm
            switch (exchange.getRequestMethod()) {
                case "GET" -> respond(exchange, 200, "{\"realm\":\"" + segments.get(3) + "\",\"enabled\":true}");
                case "PUT" -> respondEmpty(exchange, 204);
                default -> respond(exchange, 405, "{}");
            }
        } else {
            respond(exchange, 404, "{}");
        }
    }

    private static void respondEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
