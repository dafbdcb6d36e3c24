package cm.vigie.gateway.observability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import cm.vigie.gateway.proxy.ProxyRoutes;
import cm.vigie.gateway.balancing.Balancer;
import cm.vigie.gateway.routing.RouteTable.Instance;
import cm.vigie.gateway.routing.RouteTable.Upstream;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Readiness of the gateway, with the state of each upstream as data. The gateway stays ready when an upstream is
 * down (it still routes the others and answers 503 for that one), and says which: {@code "watch": "DOWN (...)"}. A
 * service with several instances is UP while one of them is, and lists each: {@code "UP (circuit CLOSED; instances
 * http://127.0.0.1:8082 UP, http://127.0.0.1:8092 DOWN (...), ejected)"}.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private static final long PROBE_TIMEOUT_MS = 800;

    private final ProxyRoutes proxy;

    UpstreamsReadiness(ProxyRoutes proxy) {
        this.proxy = proxy;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Upstream> upstreams = List.copyOf(proxy.table().upstreams().values());
        List<Future<String>> probes = upstreams.stream().map(this::probe).toList();
        return Uni.createFrom().completionStage(Future.join(probes).toCompletionStage().handle((all, failure) -> {
            Map<String, String> states = new TreeMap<>();
            for (int i = 0; i < upstreams.size(); i++) {
                Future<String> probe = probes.get(i);
                states.put(upstreams.get(i).name(), probe.succeeded() ? probe.result() : "DOWN (" + probe.cause().getMessage() + ")");
            }
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
            states.forEach(builder::withData);
            return builder.build();
        }));
    }

    private Future<String> probe(Upstream upstream) {
        String circuit = proxy.breakers().get(upstream.name()).state().name();
        if (upstream.instances().size() == 1) {
            return probe(upstream.instances().get(0)).compose(status -> status == 200
                    ? Future.succeededFuture("UP (circuit " + circuit + ")")
                    : Future.succeededFuture("DOWN (status " + status + ", circuit " + circuit + ")"));
        }
        Balancer balancer = proxy.balancers().get(upstream.name());
        List<Future<Integer>> probes = upstream.instances().stream().map(this::probe).toList();
        return Future.join(probes).transform(done -> {
            List<String> states = new java.util.ArrayList<>();
            boolean any = false;
            for (int i = 0; i < probes.size(); i++) {
                Instance instance = upstream.instances().get(i);
                Future<Integer> probe = probes.get(i);
                boolean up = probe.succeeded() && probe.result() == 200;
                any |= up;
                states.add(instance.url() + " " + (up ? "UP" : probe.succeeded() ? "DOWN (status " + probe.result() + ")"
                        : "DOWN (" + probe.cause().getMessage() + ")") + (balancer.isEjected(instance) ? ", ejected" : ""));
            }
            return Future.succeededFuture((any ? "UP" : "DOWN") + " (circuit " + circuit + "; instances "
                    + String.join(", ", states) + ")");
        });
    }

    private Future<Integer> probe(Instance instance) {
        return proxy.client().request(new RequestOptions().setMethod(HttpMethod.GET).setHost(instance.host())
                .setPort(instance.port()).setSsl(instance.ssl()).setURI("/q/health/live")
                .setConnectTimeout(PROBE_TIMEOUT_MS).setIdleTimeout(PROBE_TIMEOUT_MS))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()));
    }
}
