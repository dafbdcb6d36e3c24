package cm.vigie.watch.alert;

/** How urgent: ordered from LOW to CRITICAL. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
