package cm.vigie.accounts.official.verification;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.accounts.api.PageSchemas;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** The platform operators' queue of official-account claims. */
@Path("/api/institutions/verifications")
@Tag(name = "Official account verification queue", description = "Platform operators decide the claims no connector could settle")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a platform operator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class VerificationQueueResource {

    static final String ITEM = """
            {"id":"5d0c7f3e-8a61-4c1b-9f57-2b4e6a9d1c02","state":"QUEUED","institution":{"slug":"mincom",\
            "nameFr":"Ministère de la Communication","nameEn":"Ministry of Communication"},"account":{\
            "id":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","platform":"FACEBOOK","handle":"minsante.officiel",\
            "displayName":"Ministère de la Santé publique","url":null},"code":"VIGIE-7KQ2M9XH4T",\
            "codeExpiresAt":"2026-11-30T08:00:00Z","evidenceUrl":"https://www.facebook.com/minsante.officiel",\
            "submittedAt":"2026-11-27T08:05:00Z","submittedBy":"cm","check":"NO_CONNECTOR","resembles":[{\
            "kind":"OFFICIAL_ACCOUNT","id":"2f9d8c1a-6b3e-4f70-8d2c-1a5b9e7f3c44","institution":"minsante",\
            "platform":"FACEBOOK","handle":"minsantecm","displayName":"Ministère de la Santé publique","score":0.9}]}""";
    private static final String REJECTED = """
            {"id":"5d0c7f3e-8a61-4c1b-9f57-2b4e6a9d1c02","state":"REJECTED","institution":{"slug":"mincom",\
            "nameFr":"Ministère de la Communication","nameEn":"Ministry of Communication"},"account":{\
            "id":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","platform":"FACEBOOK","handle":"minsante.officiel",\
            "displayName":"Ministère de la Santé publique","url":null},"code":"VIGIE-7KQ2M9XH4T",\
            "codeExpiresAt":"2026-11-30T08:00:00Z","evidenceUrl":"https://www.facebook.com/minsante.officiel",\
            "submittedAt":"2026-11-27T08:05:00Z","submittedBy":"cm","check":"NO_CONNECTOR","resembles":[],\
            "decidedAt":"2026-11-27T09:00:00Z","decidedBy":"operator","decisionReason":"Imitates the Ministry of Public Health"}""";

    private final VerificationQueue queue;

    VerificationQueueResource(VerificationQueue queue) {
        this.queue = queue;
    }

    @GET
    @Operation(operationId = "listOfficialAccountVerifications", summary = "Claims of ownership of official accounts, oldest submission first (QUEUED by default)",
            description = "Lists claims of ownership of official accounts waiting for (or decided by) a platform operator, oldest first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page of claims", content = @Content(schema = @Schema(implementation = PageSchemas.VerificationQueuePage.class),
            examples = @ExampleObject(name = "one claim", value = "{\"items\":[" + ITEM + "],\"page\":0,\"size\":20,\"total\":1,\"totalExact\":true}")))
    @APIResponse(responseCode = "400", description = "Invalid paging or state", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<QueueItem> list(
            @Parameter(description = "Only claims in this state; QUEUED when absent") @QueryParam("state") ClaimState state,
            @Valid @BeanParam PageRequest page) {
        return queue.list(state, page);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approveOfficialAccountVerification", summary = "Verify the claimed account, with the reason (recorded in its history)",
            description = "Verifies a queued ownership claim with a reason: the account is answered as verified by the public check. Recorded in the account's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "approve", value = """
            {"reason":"Code seen in the page's About section; page created in 2012"}""")))
    @APIResponse(responseCode = "200", description = "Verified", content = @Content(schema = @Schema(implementation = QueueItem.class), examples = @ExampleObject(name = "claim", value = ITEM)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such claim", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The claim is not waiting in the queue", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QueueItem approve(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest decision) {
        return queue.approve(id, decision.reason());
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectOfficialAccountVerification", summary = "Refuse the claim, with the reason (recorded in the account's history)",
            description = "Refuses a queued ownership claim with a reason; the institution may request a new code. Recorded in the account's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reject", value = """
            {"reason":"Imitates the Ministry of Public Health"}""")))
    @APIResponse(responseCode = "200", description = "Rejected", content = @Content(schema = @Schema(implementation = QueueItem.class), examples = @ExampleObject(name = "claim", value = REJECTED)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such claim", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The claim is not waiting in the queue", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QueueItem reject(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest decision) {
        return queue.reject(id, decision.reason());
    }
}
