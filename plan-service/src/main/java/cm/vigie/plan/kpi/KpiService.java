package cm.vigie.plan.kpi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.plan.communication.CommunicationPlan;
import cm.vigie.plan.communication.Direction;
import cm.vigie.plan.communication.Kpi;
import cm.vigie.plan.communication.Objective;
import cm.vigie.plan.remote.Lookup;
import cm.vigie.plan.watch.WatchClient;

/** Measures a plan's objectives from watch-service analytics over the plan's period so far. */
@ApplicationScoped
public class KpiService {

    private final WatchClient watch;

    KpiService(WatchClient watch) {
        this.watch = watch;
    }

    public KpiReport report(CommunicationPlan plan) {
        Instant now = Instant.now();
        Instant from = plan.periodStart.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = plan.periodEnd.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = end.isBefore(now) ? end : now;
        List<KpiValue> values = plan.plan.objectives().stream().map(o -> measure(o, from, to)).toList();
        return new KpiReport(plan.id, from, to, now, values);
    }

    private KpiValue measure(Objective objective, Instant from, Instant to) {
        Kpi kpi = objective.kpi();
        if (kpi.type() == cm.vigie.plan.communication.KpiType.MANUAL) {
            return kpi.manualValue() == null ? unavailable(objective, "no value entered yet")
                    : available(objective, kpi.manualValue());
        }
        if (!to.isAfter(from)) {
            return unavailable(objective, "the plan's period has not started");
        }
        Lookup<? extends Number> value = switch (kpi.type()) {
            case MENTION_VOLUME -> watch.watchlistVolume(kpi.watchlistId(), from, to);
            case HOAX_MENTIONS -> watch.hoaxVolume(kpi.hoaxId(), from, to);
            case NEGATIVE_SHARE -> watch.negativeShare(kpi.watchlistId(), from, to);
            case ALERTS_RESOLVED_IN_SLA -> watch.alertsResolvedInSla(kpi.watchlistId(), from, to);
            case MANUAL -> throw new IllegalStateException();
        };
        if (value instanceof Lookup.Found<? extends Number> found) {
            return available(objective, found.value().doubleValue());
        }
        if (value instanceof Lookup.Unavailable<? extends Number> down) {
            return unavailable(objective, down.reason());
        }
        return unavailable(objective, "watch-service does not know this watchlist or hoax");
    }

    static KpiValue available(Objective objective, double value) {
        Kpi kpi = objective.kpi();
        Double progress = null;
        Boolean achieved = null;
        if (kpi.target() != null) {
            achieved = kpi.direction() == Direction.INCREASE ? value >= kpi.target() : value <= kpi.target();
            if (kpi.baseline() != null && !kpi.baseline().equals(kpi.target())) {
                progress = Math.round(1000.0 * (value - kpi.baseline()) / (kpi.target() - kpi.baseline())) / 10.0;
            }
        }
        return new KpiValue(objective.id(), objective.statement(), kpi.type(), KpiValue.Availability.AVAILABLE,
                Math.round(value * 10.0) / 10.0, kpi.baseline(), kpi.target(), kpi.direction(), progress, achieved, null);
    }

    private static KpiValue unavailable(Objective objective, String reason) {
        Kpi kpi = objective.kpi();
        return new KpiValue(objective.id(), objective.statement(), kpi.type(), KpiValue.Availability.UNAVAILABLE, null,
                kpi.baseline(), kpi.target(), kpi.direction(), null, null, reason);
    }
}
