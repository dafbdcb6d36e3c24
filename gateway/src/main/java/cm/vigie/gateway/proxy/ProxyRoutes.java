package cm.vigie.gateway.proxy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cm.vigie.gateway.config.GatewayConfig;
import cm.vigie.gateway.problem.Problems;
import cm.vigie.gateway.routing.RouteTable;
import cm.vigie.gateway.routing.RouteTable.Route;
import cm.vigie.gateway.routing.RouteTable.Upstream;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/**
 * Wires the route table onto the Quarkus router: one streaming reverse proxy per service,
 * all sharing one {@link HttpClient}.
 *
 * <p>The request body is never read here. Quarkus pauses every request before routing and installs
 * no {@code BodyHandler} unless an extension asks for one (none in this module does), so the proxy
 * pipes the still-paused request straight to the upstream, chunk by chunk, and the response back
 * the same way.
 *
 * <p>A path that no route matches answers a 404 problem when it is under {@value #API_ROOT}; any
 * other path (health, metrics, OpenAPI) goes on to the next Quarkus handler.
 */
@ApplicationScoped
public class ProxyRoutes {

    static final String API_ROOT = "/api";

    /** Context key that Quarkus Micrometer reads for the {@code uri} tag; keeps metrics cardinality bounded. */
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final GatewayConfig config;
    private final Vertx vertx;

    private HttpClient client;
    private RouteTable table;
    private Map<String, HttpProxy> proxies;

    public ProxyRoutes(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void init(@Observes Router router) {
        table = buildTable(config);
        closeClient(); // dev-mode restarts call this again
        client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                        .setKeepAlive(true)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));

        Map<String, HttpProxy> byService = new LinkedHashMap<>();
        for (Upstream upstream : table.upstreams().values()) {
            RequestOptions origin = new RequestOptions()
                    .setHost(upstream.host())
                    .setPort(upstream.port())
                    .setSsl(upstream.ssl());
            byService.put(upstream.name(), HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions(origin)))
                    .addInterceptor(new UpstreamInterceptor(upstream)));
        }
        proxies = Map.copyOf(byService);

        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::dispatch);
        table.routes().forEach(route -> LOG.infof("Route %s -> %s (%s)",
                route.prefix(), route.upstream().name(), route.upstream().url()));
    }

    void close(@Observes ShutdownEvent event) {
        closeClient();
    }

    private void dispatch(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = ctx.normalizedPath();
        Optional<Route> route = table.lookup(path);
        if (route.isEmpty()) {
            if (isApiPath(path)) {
                sendProblem(ctx, 404, "No service answers this path.");
            } else {
                ctx.next();
            }
            return;
        }
        if (!path.equals(request.path())) {
            // We route on the normalized path; forwarding a different raw path would let
            // "/api/accounts/../watch" reach a service the table did not choose.
            sendProblem(ctx, 400, "The request path must be in normalized form (no dot segments).");
            return;
        }
        if (request instanceof HttpServerRequestInternal internal) {
            String prefix = route.get().prefix();
            internal.context().putLocal(METRICS_URI_TEMPLATE, ("/".equals(prefix) ? "" : prefix) + "/*");
        }
        proxies.get(route.get().upstream().name()).handle(request);
    }

    private static boolean isApiPath(String path) {
        return path != null && (path.equals(API_ROOT) || path.startsWith(API_ROOT + "/"));
    }

    private static void sendProblem(RoutingContext ctx, int status, String detail) {
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            request.resume(); // let the unread body drain so the connection can be reused
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE)
                .end(Problems.body(status, detail, request.path()));
    }

    private static RouteTable buildTable(GatewayConfig config) {
        Map<String, String> urls = new TreeMap<>();
        config.services().forEach((name, service) -> urls.put(name, service.url()));
        try {
            return RouteTable.of(urls, config.routes());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage()); // the message says it all; no trace needed
        }
    }

    private void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
