package cm.vigie.gateway.edge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * Which headers cross the gateway. Hop-by-hop headers (RFC 9110 section 7.6.1, and those a {@code Connection}
 * header names) never do, in either direction; nor does {@code Expect}, which the gateway answers itself. From
 * clients, headers that only Vigie itself may set (the service key, forwarding and correlation headers) are dropped;
 * the gateway sets its own.
 *
 * <p>Names are compared case-insensitively in place (no lower-cased copy of each header name per request).
 */
public final class HeaderRules {

    private static final Names HOP_BY_HOP = new Names("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "http2-settings", "expect");
    private static final Names INTERNAL = new Names("forwarded", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix", "x-real-ip", "x-request-id", "traceparent",
            "tracestate");
    private static final String INTERNAL_PREFIX = "x-vigie-";

    private HeaderRules() {
    }

    /** Copies what a client may send on to a service. */
    public static void copyRequestHeaders(MultiMap from, MultiMap to) {
        List<String> named = namedByConnection(from);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (!HOP_BY_HOP.contains(name) && !INTERNAL.contains(name)
                    && !name.regionMatches(true, 0, INTERNAL_PREFIX, 0, INTERNAL_PREFIX.length())
                    && !isNamed(named, name)) {
                to.add(name, header.getValue());
            }
        }
    }

    /** Copies what a service answers on to the client. */
    public static void copyResponseHeaders(MultiMap from, MultiMap to) {
        List<String> named = namedByConnection(from);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (!HOP_BY_HOP.contains(name) && !isNamed(named, name)) {
                to.add(name, header.getValue());
            }
        }
    }

    /** The header names a {@code Connection} header lists, lower-cased; empty (and nothing allocated) without one. */
    private static List<String> namedByConnection(MultiMap headers) {
        List<String> values = headers.getAll(HttpHeaders.CONNECTION);
        if (values.isEmpty()) {
            return List.of();
        }
        return values.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.strip().toLowerCase(Locale.ROOT)).filter(token -> !token.isEmpty()).toList();
    }

    private static boolean isNamed(List<String> named, String name) {
        for (String token : named) {
            if (token.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** A small fixed set of header names, looked up case-insensitively by Netty's ASCII case-insensitive hash. */
    static final class Names {
        private final String[][] buckets = new String[64][];

        Names(String... names) {
            for (String name : names) {
                int slot = AsciiString.hashCode(name) & (buckets.length - 1);
                String[] bucket = buckets[slot];
                String[] grown = bucket == null ? new String[1] : Arrays.copyOf(bucket, bucket.length + 1);
                grown[grown.length - 1] = name;
                buckets[slot] = grown;
            }
        }

        boolean contains(String name) {
            String[] bucket = buckets[AsciiString.hashCode(name) & (buckets.length - 1)];
            if (bucket != null) {
                for (String candidate : bucket) {
                    if (candidate.equalsIgnoreCase(name)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
