package cm.vigie.gateway.openapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cm.vigie.commons.tenancy.KeycloakSettings;
import cm.vigie.gateway.config.GatewayConfig;
import cm.vigie.gateway.proxy.ProxyRoutes;
import cm.vigie.gateway.routing.RouteTable.Upstream;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /openapi}: one document for all services, merged from their {@code /q/openapi} and kept for a short
 * while. JSON by default; YAML with {@code ?format=yaml} or {@code Accept: application/yaml}. A service that is down
 * is left out and named in {@code x-vigie-missing-services}, and the next request tries again.
 */
@ApplicationScoped
public class MergedOpenApi {

    public static final String PATH = "/openapi";
    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final long FETCH_TIMEOUT_MS = 3000;
    private static final Duration KEEP = Duration.ofSeconds(30);

    private final ProxyRoutes proxy;
    private final OpenApiMerger merger;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private volatile Cached cached;

    private record Cached(ObjectNode document, long at, boolean complete) {
    }

    MergedOpenApi(ProxyRoutes proxy, GatewayConfig config, KeycloakSettings keycloak,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.proxy = proxy;
        GatewayConfig.OpenApiConfig openapi = config.openapi();
        this.merger = new OpenApiMerger(new OpenApiMerger.Settings(openapi.publicUrl(),
                openapi.keycloakPublicUrl().orElse(keycloak.url()), openapi.demoRealm(), version));
    }

    void init(@Observes Router router) {
        router.route(HttpMethod.GET, PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        document().onComplete(result -> {
            if (result.failed()) {
                LOG.warn("Could not build the merged OpenAPI document", result.cause());
                ctx.response().setStatusCode(500).end();
                return;
            }
            String format = ctx.request().getParam("format");
            String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
            boolean asYaml = "yaml".equalsIgnoreCase(format)
                    || (format == null && accept != null && accept.contains("yaml") && !accept.contains("json"));
            try {
                ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, asYaml ? "application/yaml;charset=UTF-8" : "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .end(asYaml ? yaml.writeValueAsString(result.result())
                                : json.writerWithDefaultPrettyPrinter().writeValueAsString(result.result()));
            } catch (Exception e) {
                ctx.fail(e);
            }
        });
    }

    Future<ObjectNode> document() {
        Cached current = cached;
        if (current != null && current.complete() && System.nanoTime() - current.at() < KEEP.toNanos()) {
            return Future.succeededFuture(current.document());
        }
        List<Upstream> upstreams = new ArrayList<>(proxy.table().upstreams().values());
        upstreams.removeIf(upstream -> proxy.table().routes().stream().noneMatch(r -> r.upstream().equals(upstream)));
        List<Future<JsonNode>> fetches = upstreams.stream().map(this::fetch).toList();
        return Future.join(fetches).transform(ignored -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < upstreams.size(); i++) {
                if (fetches.get(i).succeeded()) {
                    documents.put(upstreams.get(i).name(), fetches.get(i).result());
                } else {
                    missing.add(upstreams.get(i).name());
                }
            }
            OpenApiMerger.Result result = merger.merge(documents);
            result.notes().forEach(note -> LOG.debugf("OpenAPI merge: %s", note));
            result.violations().forEach(violation -> LOG.warnf("OpenAPI merge: %s", violation));
            if (!missing.isEmpty()) {
                result.document().set("x-vigie-missing-services", json.valueToTree(missing));
            }
            cached = new Cached(result.document(), System.nanoTime(), missing.isEmpty());
            return Future.succeededFuture(result.document());
        });
    }

    private Future<JsonNode> fetch(Upstream upstream) {
        return proxy.client().request(new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.host())
                .setPort(upstream.port()).setSsl(upstream.ssl()).setURI("/q/openapi?format=json")
                .setConnectTimeout(FETCH_TIMEOUT_MS).setIdleTimeout(FETCH_TIMEOUT_MS)
                .addHeader(HttpHeaders.ACCEPT, "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .compose(body -> {
                    try {
                        return Future.succeededFuture(json.readTree(body.getBytes()));
                    } catch (Exception e) {
                        return Future.failedFuture(e);
                    }
                });
    }
}
