package cm.vigie.gateway.edge;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.MultiMap;

/**
 * Which headers cross the gateway. Hop-by-hop headers (RFC 9110 section 7.6.1, and those a {@code Connection}
 * header names) never do, in either direction; nor does {@code Expect}, which the gateway answers itself. From clients, headers that only Vigie itself may set (the service
 * key, forwarding and correlation headers) are dropped; the gateway sets its own.
 */
public final class HeaderRules {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "http2-settings", "expect");
    private static final Set<String> INTERNAL = Set.of("forwarded", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix", "x-real-ip", "x-request-id", "traceparent",
            "tracestate");
    private static final String INTERNAL_PREFIX = "x-vigie-";

    private HeaderRules() {
    }

    /** Copies what a client may send on to a service. */
    public static void copyRequestHeaders(MultiMap from, MultiMap to) {
        Set<String> named = namedByConnection(from);
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !INTERNAL.contains(name) && !name.startsWith(INTERNAL_PREFIX)
                    && !named.contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    /** Copies what a service answers on to the client. */
    public static void copyResponseHeaders(MultiMap from, MultiMap to) {
        Set<String> named = namedByConnection(from);
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    private static Set<String> namedByConnection(MultiMap headers) {
        Set<String> named = new HashSet<>();
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                named.add(token.strip().toLowerCase(Locale.ROOT));
            }
        }
        return named;
    }
}
