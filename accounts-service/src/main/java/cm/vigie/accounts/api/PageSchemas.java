package cm.vigie.accounts.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.accounts.history.HistoryEntry;
import cm.vigie.accounts.institution.InstitutionView;
import cm.vigie.accounts.official.OfficialAccountView;
import cm.vigie.accounts.official.verification.QueueItem;
import cm.vigie.accounts.person.ProtectedPersonView;
import cm.vigie.accounts.suspect.SuspectView;

/**
 * Named shapes of the paged answers, for the OpenAPI document only. An {@code @APIResponse} that carries an example
 * replaces the schema inferred from {@code PageResponse<T>}, and annotations cannot name a generic type: these
 * records have the same JSON and keep the names the inferred schemas had, which generated clients rely on.
 */
public final class PageSchemas {

    private PageSchemas() {
    }

    @Schema(name = "PageResponseOfficialAccountView")
    public record OfficialAccountPage(List<OfficialAccountView> items, int page, int size, long total) {
    }

    @Schema(name = "PageResponseInstitutionView")
    public record InstitutionPage(List<InstitutionView> items, int page, int size, long total) {
    }

    @Schema(name = "PageResponseProtectedPersonView")
    public record ProtectedPersonPage(List<ProtectedPersonView> items, int page, int size, long total) {
    }

    @Schema(name = "PageResponseSuspectView")
    public record SuspectPage(List<SuspectView> items, int page, int size, long total) {
    }

    @Schema(name = "PageResponseHistoryEntry")
    public record HistoryPage(List<HistoryEntry> items, int page, int size, long total) {
    }

    @Schema(name = "PageResponseVerificationQueueItem")
    public record VerificationQueuePage(List<QueueItem> items, int page, int size, long total, boolean totalExact) {
    }

    @Schema(name = "PageResponseMemberView")
    public record MemberPage(List<cm.vigie.accounts.member.MemberView> items, int page, int size, long total) {
    }
}
