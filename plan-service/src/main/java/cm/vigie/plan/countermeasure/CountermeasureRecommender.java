package cm.vigie.plan.countermeasure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.problem.Messages;
import cm.vigie.plan.workflow.Severity;

/**
 * Proposes countermeasures from a threat assessment. Rules of thumb from counter-disinformation practice: do not
 * amplify what is contained, answer what spreads or harms, prefer trusted voices and alerts as harm grows, reuse
 * debunks of known hoaxes, fill information voids, prebunk before risky events.
 */
@ApplicationScoped
public class CountermeasureRecommender {

    private final CountermeasureCatalogue catalogue;

    CountermeasureRecommender(CountermeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Decision decide(ThreatAssessment threat) {
        if (threat.harm().compareTo(Severity.HIGH) >= 0 || threat.wide() || threat.fast()) {
            return Decision.RESPOND;
        }
        if (threat.contained()) {
            return threat.harm() == Severity.LOW ? Decision.MONITOR_ONLY : Decision.DO_NOT_AMPLIFY;
        }
        return threat.harm() == Severity.LOW ? Decision.DO_NOT_AMPLIFY : Decision.RESPOND;
    }

    public Recommendation recommend(ThreatAssessment threat, Locale locale) {
        Decision decision = decide(threat);
        int harm = threat.harm().ordinal() + 1;
        Map<String, Scored> scores = new LinkedHashMap<>();
        if (decision == Decision.RESPOND) {
            add(scores, "C00119", 3 + harm, "recommend.spreads");
            if (threat.harm() == Severity.LOW) {
                add(scores, "C00211", 2, "recommend.low-harm-humour");
            }
        } else {
            add(scores, "C00114", 6, "recommend.contained");
        }
        if (threat.harm().compareTo(Severity.HIGH) >= 0) {
            add(scores, "C00200", 2 + harm, "recommend.trusted-voice");
        }
        if (threat.harm() == Severity.CRITICAL) {
            add(scores, "C00126", 7, "recommend.critical");
        }
        if (ThreatAssessment.yes(threat.hoaxKnown())) {
            add(scores, "C00008", 4, "recommend.known-hoax");
            add(scores, "C00119", 2, "recommend.known-hoax-debunk");
        }
        if (ThreatAssessment.yes(threat.informationVoid())) {
            add(scores, "C00178", 6, "recommend.void");
        }
        if (ThreatAssessment.yes(threat.upcomingEvent())) {
            add(scores, "C00125", 5, "recommend.upcoming");
        }
        if (ThreatAssessment.yes(threat.mediaInterest())) {
            add(scores, "C00154", 4, "recommend.media");
        }
        if (threat.wide()) {
            add(scores, "C00117", 3, "recommend.wide");
        }
        add(scores, "C00220", 2, "recommend.monitor");

        List<Recommendation.Item> items = scores.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Scored> e) -> -e.getValue().score))
                .map(e -> {
                    Countermeasure c = catalogue.find(e.getKey()).orElseThrow();
                    return new Recommendation.Item(c.id(), c.name(), c.nameFr(), e.getValue().score,
                            e.getValue().reasons.stream().map(key -> Messages.get(locale, key)).toList());
                }).toList();
        return new Recommendation(decision, Messages.get(locale, "recommend.decision." + decision.name()), items);
    }

    private static void add(Map<String, Scored> scores, String id, int score, String reasonKey) {
        Scored scored = scores.computeIfAbsent(id, k -> new Scored());
        scored.score += score;
        scored.reasons.add(reasonKey);
    }

    private static final class Scored {
        int score;
        final List<String> reasons = new ArrayList<>();
    }
}
