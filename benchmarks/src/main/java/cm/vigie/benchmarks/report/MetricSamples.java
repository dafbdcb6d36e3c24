package cm.vigie.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects one sample per run for each (service, metric), in the order they are first seen. */
public final class MetricSamples {

    private record Key(String service, String name) {
    }

    private record Series(String unit, List<Double> samples) {
    }

    private final Map<Key, Series> series = new LinkedHashMap<>();

    public synchronized void add(String service, String name, String unit, double value) {
        Series existing = series.computeIfAbsent(new Key(service, name), k -> new Series(unit, new ArrayList<>()));
        if (!existing.unit().equals(unit)) {
            throw new IllegalArgumentException(service + " " + name + " is in " + existing.unit() + ", not " + unit);
        }
        existing.samples().add(value);
    }

    public synchronized List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>();
        series.forEach((key, s) -> metrics.add(Metric.of(key.name(), key.service(), s.unit(), s.samples())));
        return metrics;
    }

    public synchronized Metric metric(String service, String name) {
        Series s = series.get(new Key(service, name));
        if (s == null) {
            throw new IllegalArgumentException("no samples for " + service + " " + name);
        }
        return Metric.of(name, service, s.unit(), s.samples());
    }
}
