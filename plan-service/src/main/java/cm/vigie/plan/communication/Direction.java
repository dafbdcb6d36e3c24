package cm.vigie.plan.communication;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KpiDirection", description = "Whether success means the value going up or down")
public enum Direction {
    INCREASE, DECREASE
}
