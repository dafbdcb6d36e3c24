package cm.vigie.gateway.proxy;

import java.time.Duration;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.ratelimit.TokenBucket.Decision;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.commons.tenancy.KeycloakSettings;
import cm.vigie.commons.tenancy.KnownInstitution;
import cm.vigie.gateway.auth.VerifiedTokens;
import cm.vigie.gateway.balancing.Balancer;
import cm.vigie.gateway.config.GatewayConfig;
import cm.vigie.gateway.edge.ClientAddress;
import cm.vigie.gateway.edge.Correlation;
import cm.vigie.gateway.edge.PublicPaths;
import cm.vigie.gateway.observability.AccessLog;
import cm.vigie.gateway.observability.RequestRecord;
import cm.vigie.gateway.observability.RouteMetrics;
import cm.vigie.gateway.problem.Problems;
import cm.vigie.gateway.ratelimit.RateLimiter;
import cm.vigie.gateway.ratelimit.StreamSlots;
import cm.vigie.gateway.resilience.CircuitBreaker;
import cm.vigie.gateway.routing.RouteTable;
import cm.vigie.gateway.routing.RouteTable.Route;
import cm.vigie.gateway.routing.RouteTable.Upstream;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's pipeline on the Quarkus router, for every path the route table knows:
 * correlation ids, path check, body size, token check (except on public paths), rate limit, circuit breaker,
 * then the streaming {@link Forwarder}. Every proxied request ends with an access log line and route metrics.
 *
 * <p>The request body is never read here: Quarkus pauses every request before routing and no {@code BodyHandler}
 * is installed, so the forwarder streams the still-paused request to the upstream.
 *
 * <p>A path that no route matches answers a 404 problem when it is under {@value #API_ROOT}; any other path
 * (health, metrics, OpenAPI, Swagger UI) goes on to the next Quarkus handler.
 */
@ApplicationScoped
public class ProxyRoutes {

    static final String API_ROOT = "/api";

    /** Context key that Quarkus Micrometer reads for the {@code uri} tag; keeps metrics cardinality bounded. */
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final Duration AUTHENTICATION_TIMEOUT = Duration.ofSeconds(5);
    private static final String BEARER = "Bearer ";
    /** Query parameter of a stream opened without a header (watch-service checks it; never logged: no query is). */
    static final String STREAM_TICKET = "ticket";
    // header names hashed once, not per request
    private static final CharSequence RATE_LIMIT_LIMIT = HttpHeaders.createOptimized("RateLimit-Limit");
    private static final CharSequence RATE_LIMIT_REMAINING = HttpHeaders.createOptimized("RateLimit-Remaining");
    private static final CharSequence RATE_LIMIT_RESET = HttpHeaders.createOptimized("RateLimit-Reset");
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");

    private final GatewayConfig config;
    private final Vertx vertx;
    private final AccessLog accessLog;
    private final RouteMetrics metrics;
    private final HttpAuthenticator authenticator;
    private final InstitutionDirectory directory;
    private final KeycloakSettings keycloak;

    private HttpClient client;
    /** One client (and connection pool) per event loop: a request and its upstream connection share a thread. */
    private final Map<Thread, HttpClient> loopClients = new ConcurrentHashMap<>();
    /** Streams (SSE) have their own clients and pools: a flood of streams never takes the connections of requests. */
    private HttpClient streamClient;
    private final Map<Thread, HttpClient> loopStreamClients = new ConcurrentHashMap<>();
    private StreamSlots streamSlots;
    private ClientAddress clientAddress;
    private List<String> streamPaths;
    private RouteTable table;
    private PublicPaths publicPaths;
    private RateLimiter rateLimiter;
    private VerifiedTokens verifiedTokens;
    private Forwarder forwarder;
    private Map<String, CircuitBreaker> breakers;
    private Map<String, Balancer> balancers;
    /** Per route, the value of {@link #METRICS_URI_TEMPLATE} (routes are compared by identity: one table). */
    private Map<Route, String> metricsTemplates;
    /** Per upstream, where and how to forward when no per-route read timeout applies. */
    private Map<String, Forwarder.Target> defaultTargets;
    private List<Map.Entry<String, Duration>> routeReadTimeouts;
    private long evictionTimer = -1;

    public ProxyRoutes(GatewayConfig config, Vertx vertx, AccessLog accessLog, RouteMetrics metrics,
            HttpAuthenticator authenticator, InstitutionDirectory directory, KeycloakSettings keycloak) {
        this.authenticator = authenticator;
        this.directory = directory;
        this.keycloak = keycloak;
        this.config = config;
        this.vertx = vertx;
        this.accessLog = accessLog;
        this.metrics = metrics;
    }

    void init(@Observes Router router) {
        table = buildTable(config);
        close(null); // dev-mode restarts call this again
        client = newClient(config.maxConnectionsPerService());
        streamClient = newClient(config.edge().maxStreamConnectionsPerService());
        streamSlots = new StreamSlots(cm.vigie.commons.ratelimit.ReplicaShare.of(
                config.edge().maxStreamsPerInstitution(), config.rateLimit().replicas()));
        clientAddress = new ClientAddress(config.trustedProxies().orElse(List.of()));
        streamPaths = config.edge().streamPaths().stream().map(String::strip).filter(p -> p.startsWith("/")).toList();
        publicPaths = new PublicPaths(config.publicPaths());
        rateLimiter = new RateLimiter(config.rateLimit(), System::nanoTime);
        forwarder = new Forwarder(vertx, this::clientOfThisThread, this::streamClientOfThisThread,
                config.maxBodySize().asLongValue(), config.edge().bodyTimeout().toMillis());
        Map<String, CircuitBreaker> byService = new LinkedHashMap<>();
        table.upstreams().keySet().forEach(name -> byService.put(name, new CircuitBreaker(
                config.circuitBreaker().failureThreshold(), config.circuitBreaker().openFor(), System::nanoTime)));
        breakers = Map.copyOf(byService);
        Map<String, Balancer> balancing = new LinkedHashMap<>();
        table.upstreams().forEach((name, upstream) -> balancing.put(name,
                new Balancer(upstream.instances(), config.balancing().ejectFor(), System::nanoTime)));
        balancers = Map.copyOf(balancing);
        metricsTemplates = new IdentityHashMap<>();
        table.routes().forEach(route -> metricsTemplates.put(route,
                ("/".equals(route.prefix()) ? "" : route.prefix()) + "/*"));
        Map<String, Forwarder.Target> targets = new LinkedHashMap<>();
        table.upstreams().forEach((name, upstream) -> {
            GatewayConfig.Service service = config.services().get(name);
            targets.put(name, new Forwarder.Target(upstream, balancers.get(name), breakers.get(name),
                    service.connectTimeout().orElse(config.connectTimeout()).toMillis(),
                    service.readTimeout().orElse(config.readTimeout()).toMillis(), false));
        });
        defaultTargets = Map.copyOf(targets);
        routeReadTimeouts = new TreeMap<>(config.routeReadTimeouts()).entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Duration> e) -> e.getKey().length()).reversed())
                .toList();
        verifiedTokens = new VerifiedTokens(config.tokenCache().maxAge().toMillis(), config.tokenCache().maxEntries(),
                System::currentTimeMillis);
        evictionTimer = vertx.setPeriodic(60_000, id -> {
            rateLimiter.evictFull();
            verifiedTokens.evictExpired();
        });

        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::dispatch);
        table.routes().forEach(route -> LOG.infof("Route %s -> %s (%s)%s",
                route.prefix(), route.upstream().name(), String.join(", ",
                        route.upstream().instances().stream().map(i -> i.url().toString()).toList()),
                publicPaths.matches(route.prefix()) ? ", public" : ""));
    }

    void close(@Observes ShutdownEvent event) {
        if (evictionTimer >= 0) {
            vertx.cancelTimer(evictionTimer);
            evictionTimer = -1;
        }
        if (client != null) {
            client.close();
            client = null;
        }
        loopClients.values().forEach(HttpClient::close);
        loopClients.clear();
        if (streamClient != null) {
            streamClient.close();
            streamClient = null;
        }
        loopStreamClients.values().forEach(HttpClient::close);
        loopStreamClients.clear();
    }

    private HttpClient newClient(int poolSize) {
        return vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setDecompressionSupported(false)
                        .setMaxHeaderSize(32 * 1024),
                new PoolOptions().setHttp1MaxSize(poolSize));
    }

    /**
     * The client of the calling event loop. Vert.x pools hand any idle connection to any caller, and a connection
     * owned by another event loop answers through that loop, then hops back: two thread wake-ups per request.
     */
    private HttpClient clientOfThisThread() {
        if (!Context.isOnEventLoopThread()) {
            return client;
        }
        HttpClient mine = loopClients.get(Thread.currentThread());
        return mine != null ? mine : loopClients.computeIfAbsent(Thread.currentThread(),
                thread -> newClient(config.maxConnectionsPerService()));
    }

    private HttpClient streamClientOfThisThread() {
        if (!Context.isOnEventLoopThread()) {
            return streamClient;
        }
        HttpClient mine = loopStreamClients.get(Thread.currentThread());
        return mine != null ? mine : loopStreamClients.computeIfAbsent(Thread.currentThread(),
                thread -> newClient(config.edge().maxStreamConnectionsPerService()));
    }

    /** Open streams per institution (tests and diagnostics). */
    public StreamSlots streamSlots() {
        return streamSlots;
    }

    /** The circuit breaker of each upstream, by service name (read by the readiness check). */
    public Map<String, CircuitBreaker> breakers() {
        return breakers;
    }

    /** The balancer of each upstream, by service name (read by the readiness check). */
    public Map<String, Balancer> balancers() {
        return balancers;
    }

    public RouteTable table() {
        return table;
    }

    public HttpClient client() {
        return client;
    }

    private void dispatch(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = ctx.normalizedPath();
        Optional<Route> found = table.lookup(path);
        if (found.isEmpty()) {
            if (isApiPath(path)) {
                Problems.send(request, ProblemType.NOT_FOUND, "gateway.no-route.detail");
            } else {
                ctx.next();
            }
            return;
        }
        Route route = found.get();
        long start = System.nanoTime();
        Context context = Vertx.currentContext();
        String requestId = Correlation.requestId(request.getHeader(Correlation.REQUEST_ID_NAME));
        String traceparent = Correlation.traceparent(request.getHeader(Correlation.TRACEPARENT_NAME));
        HttpServerResponse response = ctx.response();
        response.putHeader(Correlation.REQUEST_ID_NAME, requestId);
        String[] institution = new String[1];
        ctx.addEndHandler(done -> {
            RequestRecord record = new RequestRecord(requestId, request.method().name(), request.path(),
                    route.prefix(), route.upstream().name(), institution[0], response.getStatusCode(),
                    System.nanoTime() - start);
            accessLog.record(record);
            metrics.record(record);
        });
        if (request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(METRICS_URI_TEMPLATE, metricsTemplates.get(route));
        }

        if (!path.equals(request.path())) {
            // We route on the normalized path; forwarding a different raw path would let
            // "/api/accounts/../watch" reach a service the table did not choose.
            Problems.send(request, ProblemType.MALFORMED_REQUEST, "gateway.dot-segments.detail");
            return;
        }
        if (declaredLength(request) > config.maxBodySize().asLongValue()) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
            Problems.send(request, ProblemType.PAYLOAD_TOO_LARGE, "gateway.too-large.detail",
                    config.maxBodySize().asLongValue());
            return;
        }
        SocketAddress peer = request.remoteAddress();
        String client = clientAddress.of(peer == null ? null : peer.hostAddress(), request.getHeader(X_FORWARDED_FOR));
        boolean stream = isStream(path);
        if (publicPaths.matches(path)) {
            if (admitted(request, rateLimiter.publicClient(client == null ? "?" : client))) {
                forward(ctx, route, requestId, traceparent, client, null);
            }
            return;
        }
        String token = bearerToken(request);
        if (stream && token == null && request.getParam(STREAM_TICKET) != null) {
            // A browser's EventSource cannot send a token: it opens the stream with a single-use ticket that only the
            // service can check (ADR 0036). Its institution is unknown here, so the caller's address is rate-limited
            // as on a public path; the service applies the stream quotas once it has claimed the ticket.
            if (admitted(request, rateLimiter.publicClient(client == null ? "?" : client))) {
                forward(ctx, route, requestId, traceparent, client, null, true);
            }
            return;
        }
        VerifiedTokens.Verified verified = token == null ? null : verifiedTokens.find(token);
        if (verified != null && stillKnown(verified.realm())) {
            institution[0] = verified.realm();
            if (admitted(request, rateLimiter.institution(verified.realm()))) {
                forward(ctx, route, requestId, traceparent, client, stream ? verified.realm() : null);
            }
            return;
        }
        authenticate(ctx).subscribe().with(
                identity -> onContext(context, () -> {
                    Optional<String> realm = identity == null ? Optional.empty() : CurrentInstitution.realmOf(identity);
                    if (realm.isEmpty()) {
                        unauthenticated(request, "gateway.unauthenticated.detail", "Bearer");
                        return;
                    }
                    if (token != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
                        verifiedTokens.remember(token, realm.get(), jwt.getExpirationTime());
                    }
                    institution[0] = realm.get();
                    if (admitted(request, rateLimiter.institution(realm.get()))) {
                        forward(ctx, route, requestId, traceparent, client, stream ? realm.get() : null);
                    }
                }),
                failure -> onContext(context, () -> unauthenticated(request, "gateway.invalid-token.detail",
                        "Bearer error=\"invalid_token\"")));
    }

    /**
     * The caller's identity by the shared token rules (commons' RealmTenantConfigResolver behind Quarkus OIDC);
     * null without a token. Asked of the authenticator directly, so that a failure is ours to answer.
     */
    private Uni<SecurityIdentity> authenticate(RoutingContext ctx) {
        // a token check that cannot conclude (key or directory source unreachable) must not hold the caller forever
        return authenticator.attemptAuthentication(ctx).ifNoItem().after(AUTHENTICATION_TIMEOUT).fail();
    }

    /** The compact token of an {@code Authorization: Bearer} header, or null. */
    private static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }

    /**
     * Whether the realm of a remembered token would still be accepted by the token rules: the platform realm, or an
     * institution the directory knows now (answered from memory). Anything else goes through the full check again.
     */
    private boolean stillKnown(String realm) {
        if (realm.equals(keycloak.platformRealm())) {
            return true;
        }
        Optional<KnownInstitution> known = directory.find(realm).toCompletableFuture().getNow(Optional.empty());
        return known.isPresent();
    }

    /** Token checks may complete on a worker thread (directory load); the exchange goes on on the request's own. */
    private static void onContext(Context context, Runnable action) {
        Runnable guarded = () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("Gateway pipeline failed", e);
            }
        };
        if (context == null || (Context.isOnEventLoopThread() && Vertx.currentContext() == context)) {
            guarded.run();
        } else {
            context.runOnContext(v -> guarded.run());
        }
    }

    private static void unauthenticated(HttpServerRequest request, String detailKey, String challenge) {
        request.response().putHeader("WWW-Authenticate", challenge);
        Problems.send(request, ProblemType.UNAUTHENTICATED, detailKey);
    }

    private boolean admitted(HttpServerRequest request, Decision decision) {
        if (!config.rateLimit().enabled()) {
            return true;
        }
        HttpServerResponse response = request.response();
        response.putHeader(RATE_LIMIT_LIMIT, Integer.toString(decision.limit()));
        response.putHeader(RATE_LIMIT_REMAINING, Integer.toString(decision.remaining()));
        response.putHeader(RATE_LIMIT_RESET, Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            Problems.send(request, ProblemType.TOO_MANY_REQUESTS, "gateway.rate-limited.detail",
                    decision.retryAfterSeconds());
        }
        return decision.allowed();
    }

    /** Whether the path is under a configured stream prefix. */
    private boolean isStream(String path) {
        for (String prefix : streamPaths) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Forwards the request; a stream (streamRealm not null) first takes one of its institution's stream slots, given
     * back when the exchange ends however it ends, and goes through the stream pool.
     */
    private void forward(RoutingContext ctx, Route route, String requestId, String traceparent, String client,
            String streamRealm) {
        forward(ctx, route, requestId, traceparent, client, streamRealm, streamRealm != null);
    }

    /** As above; a ticket stream (stream true, no realm) takes no institution slot but goes through the stream pool. */
    private void forward(RoutingContext ctx, Route route, String requestId, String traceparent, String client,
            String streamRealm, boolean stream) {
        HttpServerRequest request = ctx.request();
        if (streamRealm != null) {
            if (!streamSlots.tryAcquire(streamRealm)) {
                request.response().putHeader(HttpHeaders.RETRY_AFTER, "30");
                Problems.send(request, ProblemType.TOO_MANY_REQUESTS, "gateway.too-many-streams.detail", streamSlots.max());
                return;
            }
            boolean[] released = new boolean[1];
            Runnable release = () -> {
                if (!released[0]) {
                    released[0] = true;
                    streamSlots.release(streamRealm);
                }
            };
            // called when the response ends, and when the connection closes before it did
            ctx.addEndHandler(done -> release.run());
        }
        Upstream upstream = route.upstream();
        CircuitBreaker breaker = breakers.get(upstream.name());
        if (!breaker.tryAcquire()) {
            long wait = breaker.secondsUntilTrial();
            request.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            Problems.send(request, ProblemType.UNAVAILABLE, "gateway.circuit-open.detail", upstream.name(), wait);
            return;
        }
        Forwarder.Target target = defaultTargets.get(upstream.name());
        Duration routeRead = routeReadTimeout(request.path());
        if (routeRead != null || stream) {
            target = new Forwarder.Target(upstream, target.balancer(), breaker, target.connectTimeoutMs(),
                    routeRead != null ? routeRead.toMillis() : target.readTimeoutMs(), stream);
        }
        forwarder.forward(request, target, requestId, traceparent, client);
    }

    /** The read timeout of the longest configured path prefix that matches, or null. */
    private Duration routeReadTimeout(String path) {
        for (Map.Entry<String, Duration> entry : routeReadTimeouts) {
            String prefix = entry.getKey();
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isApiPath(String path) {
        return path != null && (path.equals(API_ROOT) || path.startsWith(API_ROOT + "/"));
    }

    private static RouteTable buildTable(GatewayConfig config) {
        Map<String, List<String>> urls = new TreeMap<>();
        config.services().forEach((name, service) -> urls.put(name, service.urls()
                .filter(list -> !list.isEmpty()).orElse(List.of(service.url()))));
        try {
            return RouteTable.ofInstances(urls, config.routes());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage()); // the message says it all; no trace needed
        }
    }
}
