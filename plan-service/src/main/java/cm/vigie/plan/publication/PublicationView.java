package cm.vigie.plan.publication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.plan.workflow.Approval;
import cm.vigie.plan.workflow.ItemStatus;
import cm.vigie.plan.workflow.Rejection;

@Schema(name = "Publication", description = "A publication of the editorial calendar")
public record PublicationView(
        UUID id,
        UUID channelId,
        @Schema(examples = "2027-01-12T08:00:00Z") Instant plannedAt,
        @Schema(examples = "Africa/Douala") String timeZone,
        @Schema(description = "plannedAt in its time zone", examples = "2027-01-12T09:00+01:00[Africa/Douala]") String plannedLocal,
        String title,
        String contentFr,
        String contentEn,
        List<String> media,
        UUID planId,
        UUID objectiveId,
        @Schema(examples = "DRAFT") ItemStatus status,
        @Schema(description = "URL of the published post, once PUBLISHED") String publishedUrl,
        List<Approval> approvals,
        Rejection rejection,
        String createdBy,
        String lastEditedBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "0") long version,
        @Schema(description = "Publications on the same channel too close to this one") List<GapWarning> warnings) {

    static PublicationView of(Publication p, List<GapWarning> warnings) {
        PublicationRequest c = p.publication;
        return new PublicationView(p.id, p.channelId, p.plannedAt, p.timeZone,
                p.plannedAt.atZone(java.time.ZoneId.of(p.timeZone)).toString(), c.title(), c.contentFr(), c.contentEn(),
                c.media(), p.planId, c.objectiveId(), p.status, p.publishedUrl, p.approvals, p.rejection, p.createdBy,
                p.lastEditedBy, p.createdAt, p.updatedAt, p.version, warnings);
    }
}
