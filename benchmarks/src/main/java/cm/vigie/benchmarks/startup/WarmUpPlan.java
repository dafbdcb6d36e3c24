package cm.vigie.benchmarks.startup;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The warm-up requests of one service: request {@code i} of the run, each doing real work with a valid token.
 * Accounts: one in four creates an official account (unique handle), the others list them. Watch and plan:
 * {@code GET /me}. Gateway: the same requests through it, in turn.
 */
final class WarmUpPlan {

    static final String ACCOUNTS_PATH = "/api/accounts/official";
    static final String WATCH_ME = "/api/watch/me";
    static final String PLAN_ME = "/api/plans/me";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final IntFunction<HttpRequest> requests;

    private WarmUpPlan(String name, IntFunction<HttpRequest> requests) {
        this.name = name;
        this.requests = requests;
    }

    String name() {
        return name;
    }

    HttpRequest request(int i) {
        return requests.apply(i);
    }

    /**
     * @param writer  bearer header of a user allowed to create accounts ({@code community-manager})
     * @param readers bearer headers of users with any role, used in turn for reads
     * @param tag     makes the created handles unique in the database, e.g. {@code accounts-r1}
     */
    static WarmUpPlan accounts(String baseUrl, String writer, List<String> readers, String tag) {
        return new WarmUpPlan("create 1 in 4, list the rest", i -> i % 4 == 0
                ? createAccount(baseUrl, writer, tag, i)
                : listAccounts(baseUrl, pick(readers, i)));
    }

    static WarmUpPlan me(String baseUrl, String path, List<String> readers) {
        return new WarmUpPlan("GET " + path, i -> get(baseUrl + path, pick(readers, i)));
    }

    /** Through the gateway, in turn: create an account, list accounts, watch's /me, plan's /me. */
    static WarmUpPlan gateway(String gatewayUrl, String writer, List<String> readers, String tag) {
        return new WarmUpPlan("create and list accounts, watch and plan /me, in turn", i -> switch (i % 4) {
            case 0 -> createAccount(gatewayUrl, writer, tag, i);
            case 1 -> listAccounts(gatewayUrl, pick(readers, i));
            case 2 -> get(gatewayUrl + WATCH_ME, pick(readers, i));
            default -> get(gatewayUrl + PLAN_ME, pick(readers, i));
        });
    }

    static String handle(String tag, int i) {
        return "bench-" + tag + "-" + i;
    }

    static String accountJson(String handle) {
        return "{\"platform\":\"FACEBOOK\",\"handle\":\"" + handle + "\",\"displayName\":\"Benchmark " + handle
                + "\",\"url\":\"https://www.facebook.com/" + handle + "\"}";
    }

    private static HttpRequest createAccount(String baseUrl, String bearer, String tag, int i) {
        return HttpRequest.newBuilder(URI.create(baseUrl + ACCOUNTS_PATH))
                .timeout(TIMEOUT)
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(accountJson(handle(tag, i))))
                .build();
    }

    private static HttpRequest listAccounts(String baseUrl, String bearer) {
        return get(baseUrl + ACCOUNTS_PATH + "?page=0&size=20", bearer);
    }

    private static HttpRequest get(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Authorization", bearer)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private static String pick(List<String> values, int i) {
        return values.get(i % values.size());
    }
}
