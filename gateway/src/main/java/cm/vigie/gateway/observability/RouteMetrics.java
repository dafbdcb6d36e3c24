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
 */
@ApplicationScoped
public class RouteMetrics {

    public static final String NAME = "vigie.gateway.requests";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(RequestRecord r) {
        String statusClass = (r.status() / 100) + "xx";
        String route = r.route() == null ? "none" : r.route();
        String service = r.service() == null ? "none" : r.service();
        timers.computeIfAbsent(route + '|' + service + '|' + statusClass, key -> Timer.builder(NAME)
                .description("Requests through the gateway, by route, service and status class")
                .tag("route", route)
                .tag("service", service)
                .tag("status_class", statusClass)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry))
                .record(r.durationNanos(), TimeUnit.NANOSECONDS);
    }
}
