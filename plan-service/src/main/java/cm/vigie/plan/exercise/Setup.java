package cm.vigie.plan.exercise;

import java.util.Map;
import java.util.UUID;

/** What an exercise created elsewhere at start, by scenario id: watch-service watchlists and hoaxes, accounts-service persons. */
public record Setup(Map<String, UUID> watchlists, Map<String, UUID> hoaxes, Map<String, UUID> persons) {
}
