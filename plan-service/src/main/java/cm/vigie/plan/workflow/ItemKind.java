package cm.vigie.plan.workflow;

/** The kinds of items that go through approval; the name is the audit trail's target type. */
public enum ItemKind {
    COMMUNICATION_PLAN, PUBLICATION, RESPONSE_PLAN
}
