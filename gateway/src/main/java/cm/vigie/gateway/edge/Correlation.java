package cm.vigie.gateway.edge;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpHeaders;

/**
 * Correlation headers: {@code X-Request-Id} is kept when the client's is well-formed, generated otherwise;
 * a valid W3C {@code traceparent} is propagated unchanged, an absent or invalid one is replaced by a new trace.
 */
public final class Correlation {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The same names, hashed once for Vert.x header maps. */
    public static final CharSequence REQUEST_ID_NAME = HttpHeaders.createOptimized(REQUEST_ID);
    public static final CharSequence TRACEPARENT_NAME = HttpHeaders.createOptimized(TRACEPARENT);
    public static final CharSequence TRACESTATE_NAME = HttpHeaders.createOptimized(TRACESTATE);

    private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{7,127}");
    private static final Pattern TRACE_PARENT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final HexFormat HEX = HexFormat.of();

    private Correlation() {
    }

    public static String requestId(String fromClient) {
        return fromClient != null && WELL_FORMED_ID.matcher(fromClient).matches() ? fromClient : newRequestId();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a request id correlates log lines, it is no secret,
     * so it need not come from {@code UUID.randomUUID()}'s shared SecureRandom on every request.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** True when the value is a traceparent this gateway forwards as is. */
    public static boolean validTraceparent(String value) {
        if (value == null) {
            return false;
        }
        var m = TRACE_PARENT.matcher(value);
        return m.matches() && !m.group(1).equals("ff") && !m.group(2).equals(ZERO_TRACE) && !m.group(3).equals(ZERO_SPAN);
    }

    public static String traceparent(String fromClient) {
        if (validTraceparent(fromClient)) {
            return fromClient;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HEX;
        String trace = hex.toHexDigits(random.nextLong() | 1) + hex.toHexDigits(random.nextLong());
        String span = hex.toHexDigits(random.nextLong() | 1);
        return "00-" + trace + "-" + span + "-01";
    }
}
