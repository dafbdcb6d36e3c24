package cm.vigie.watch.source;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** Every {@link Connector} bean, by type. */
@ApplicationScoped
public class Connectors {

    private final Map<String, Connector> byType = new TreeMap<>();

    Connectors(@Any Instance<Connector> connectors) {
        for (Connector connector : connectors) {
            Connector previous = byType.put(connector.type(), connector);
            if (previous != null) {
                throw new IllegalStateException("Two connectors of type " + connector.type());
            }
        }
    }

    public Optional<Connector> find(String type) {
        return Optional.ofNullable(type == null ? null : byType.get(type));
    }

    public Optional<PollingConnector> polling(String type) {
        return find(type).filter(PollingConnector.class::isInstance).map(PollingConnector.class::cast);
    }

    public Set<String> types() {
        return byType.keySet();
    }
}
