package cm.vigie.plan.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an item stands. Communication plans go DRAFT, IN_REVIEW, APPROVED, ACTIVE, CLOSED; publications DRAFT,
 * IN_REVIEW, APPROVED, PUBLISHED or CANCELLED; response plans DRAFT, IN_REVIEW, APPROVED, PUBLISHED, CLOSED. A
 * rejection sends an item back to DRAFT with its reason.
 */
@Schema(name = "ItemStatus", description = "Workflow status of a plan, publication or response plan")
public enum ItemStatus {
    DRAFT, IN_REVIEW, APPROVED, ACTIVE, PUBLISHED, CLOSED, CANCELLED
}
