package cm.vigie.gateway.observability;

/** What the gateway records of one request once it is answered. {@code institution} is null when anonymous. */
public record RequestRecord(String requestId, String method, String path, String route, String service,
        String institution, int status, long durationNanos) {
}
