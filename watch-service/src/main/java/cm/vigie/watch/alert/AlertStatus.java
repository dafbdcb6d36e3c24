package cm.vigie.watch.alert;

/** OPEN → ACKNOWLEDGED → RESOLVED (OPEN → RESOLVED too). */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
