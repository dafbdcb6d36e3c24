package cm.vigie.watch.mention;

/** Triage state of a mention. */
public enum MentionStatus {
    NEW, REVIEWED, ESCALATED, DISMISSED
}
