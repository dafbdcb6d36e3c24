package cm.vigie.watch.alert;

/**
 * What raises an alert. KEYWORD, SPIKE and REACH are rules of a watchlist; HOAX and IMPERSONATION hold for the
 * whole institution.
 */
public enum RuleType {
    KEYWORD, SPIKE, HOAX, IMPERSONATION, REACH
}
