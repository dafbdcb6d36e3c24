package cm.vigie.plan.response;

import java.util.List;

import cm.vigie.plan.countermeasure.Decision;
import cm.vigie.plan.countermeasure.ThreatAssessment;

/** The editable part of a response plan, as audited. */
public record ResponsePlanContent(String title, String situationSummary, ThreatAssessment threat, Decision decision,
        String rationale, List<String> countermeasures, Statement holdingStatement, List<Rebuttal> rebuttals,
        List<FactCheck> factChecks) {
}
