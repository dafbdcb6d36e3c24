package cm.vigie.plan.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cm.vigie.plan.exercise.scenario.Scenario;
import cm.vigie.plan.exercise.scenario.Scenario.ExpectedAlert;
import cm.vigie.plan.exercise.scenario.Scenario.Inject;
import cm.vigie.plan.exercise.scenario.Scenario.InjectType;

/**
 * The alert rules of a scenario's watchlist, derived from the expectations: KEYWORD or SPIKE when an expectation
 * names the watchlist with that rule, REACH on every watchlist when a post is expected to go viral (threshold: the
 * smallest engagement a METRICS inject gives an expected post); KEYWORD alone when nothing else applies.
 */
final class AlertRules {

    private AlertRules() {
    }

    static List<Map<String, Object>> of(Scenario scenario, String watchlistId) {
        List<Map<String, Object>> rules = new ArrayList<>();
        List<ExpectedAlert> expected = scenario.expectations().alerts();
        for (String rule : List.of("KEYWORD", "SPIKE")) {
            if (expected.stream().anyMatch(e -> e.rule().equals(rule) && watchlistId.equals(e.watchlist()))) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("type", rule);
                rules.add(r);
            }
        }
        long threshold = Long.MAX_VALUE;
        for (ExpectedAlert e : expected) {
            if (e.rule().equals("REACH")) {
                for (Inject inject : scenario.injects()) {
                    if (inject.type() == InjectType.METRICS && e.ref().equals(inject.ref())) {
                        threshold = Math.min(threshold, inject.metrics().engagement());
                    }
                }
            }
        }
        if (threshold != Long.MAX_VALUE) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("type", "REACH");
            r.put("threshold", Math.max(1, threshold));
            rules.add(r);
        }
        if (rules.isEmpty()) {
            rules.add(Map.of("type", "KEYWORD"));
        }
        return rules;
    }
}
