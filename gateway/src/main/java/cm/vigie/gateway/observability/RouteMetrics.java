package cm.vigie.gateway.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Prometheus metrics per route: {@code vigie_gateway_requests_seconds} (count, sum and latency histogram buckets)
 * tagged with the route prefix, the service and the status class ({@code 2xx} ... {@code 5xx}). Tags come from the
 * route table, never from the raw path, so the number of series stays bounded.
 *
 * <p>Each timer is registered once and then found per request by route and status class without building a key
 * (the route prefix is the route table's own string, its hash computed once).
 */
@ApplicationScoped
public class RouteMetrics {

    public static final String NAME = "vigie.gateway.requests";
    private static final String NONE = "none";

    private final MeterRegistry registry;
    /** Route prefix to its timers, by status / 100 (0 to 9). */
    private final Map<String, RouteTimers> routes = new ConcurrentHashMap<>();

    RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(RequestRecord r) {
        String route = r.route() == null ? NONE : r.route();
        String service = r.service() == null ? NONE : r.service();
        RouteTimers timers = routes.get(route);
        if (timers == null || !timers.service.equals(service)) {
            // a route always leads to the same service; a new table (dev-mode restart) replaces its entry
            timers = new RouteTimers(service);
            routes.put(route, timers);
        }
        int statusClass = Math.floorMod(r.status() / 100, 10);
        Timer timer = timers.byClass[statusClass];
        if (timer == null) {
            timer = register(route, service, statusClass);
            timers.byClass[statusClass] = timer;
        }
        timer.record(r.durationNanos(), TimeUnit.NANOSECONDS);
    }

    /** Registering twice returns the registry's existing timer, so racing event loops share one series. */
    private Timer register(String route, String service, int statusClass) {
        return Timer.builder(NAME)
                .description("Requests through the gateway, by route, service and status class")
                .tag("route", route)
                .tag("service", service)
                .tag("status_class", statusClass + "xx")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    private static final class RouteTimers {
        final String service;
        final Timer[] byClass = new Timer[10];

        RouteTimers(String service) {
            this.service = service;
        }
    }
}
