package cm.vigie.plan.kpi;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KpiReport", description = "A plan's objectives measured now, over its period so far")
public record KpiReport(
        @Schema(examples = "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e") UUID planId,
        @Schema(description = "Start of the measured window", examples = "2027-01-10T00:00:00Z") Instant from,
        @Schema(description = "End of the measured window", examples = "2027-02-01T10:00:00Z") Instant to,
        @Schema(examples = "2027-02-01T10:00:00Z") Instant computedAt,
        List<KpiValue> values) {
}
