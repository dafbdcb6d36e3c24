package cm.vigie.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cm.vigie.benchmarks.alertlatency.AlertLatencySuite;
import cm.vigie.benchmarks.analytics.AnalyticsSuite;
import cm.vigie.benchmarks.faults.FaultsSuite;
import cm.vigie.benchmarks.gateway.GatewaySuite;
import cm.vigie.benchmarks.hoax.HoaxSuite;
import cm.vigie.benchmarks.impersonation.ImpersonationSuite;
import cm.vigie.benchmarks.ingest.IngestSuite;
import cm.vigie.benchmarks.matching.MatchingSuite;
import cm.vigie.benchmarks.realms.RealmsSuite;
import cm.vigie.benchmarks.replicas.ReplicasSuite;
import cm.vigie.benchmarks.soak.SoakSuite;
import cm.vigie.benchmarks.startup.StartupSuite;

/** Every suite {@code benchmarks/run} knows, by name. Keep {@code SUITES} in {@code benchmarks/run} in step. */
public final class Suites {

    private static final Map<String, Suite> ALL = index(List.of(new StartupSuite(), new GatewaySuite(),
            new MatchingSuite(), new HoaxSuite(), new IngestSuite(), new AlertLatencySuite(), new AnalyticsSuite(),
            new ImpersonationSuite(), new FaultsSuite(), new SoakSuite(), new RealmsSuite(), new ReplicasSuite()));

    private Suites() {
    }

    public static Optional<Suite> byName(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static List<Suite> all() {
        return List.copyOf(ALL.values());
    }

    private static Map<String, Suite> index(List<Suite> suites) {
        Map<String, Suite> map = new LinkedHashMap<>();
        for (Suite suite : suites) {
            if (map.put(suite.name(), suite) != null) {
                throw new IllegalStateException("two suites named " + suite.name());
            }
        }
        return map;
    }
}
