package cm.vigie.plan.riskdate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RiskKind", description = "Why a date draws rumours")
public enum RiskKind {
    EXAM_RESULTS, ELECTION, VACCINATION_CAMPAIGN, NATIONAL_DAY, HEALTH_ALERT, OTHER
}
