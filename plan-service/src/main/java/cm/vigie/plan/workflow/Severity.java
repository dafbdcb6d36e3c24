package cm.vigie.plan.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Severity", description = "How much harm a threat can do; sets a response plan's deadline")
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
