package cm.vigie.watch.hoax;

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

import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** The national registry: hoaxes their owners published, read-only for every institution. */
@Path("/api/watch/hoaxes/shared")
@Tag(name = "Shared hoaxes", description = "The national registry of hoaxes published by institutions")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SharedHoaxResource {

    private final HoaxService service;

    SharedHoaxResource(HoaxService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER,
            Roles.VIEWER })
    @Operation(operationId = "listSharedHoaxes", summary = "List the hoaxes published by every institution (operators also see withdrawn ones)",
            description = "Lists the hoaxes every institution published to the shared registry; platform operators also see withdrawn ones. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<SharedHoaxView> list(@Parameter(description = "Only this verdict") @QueryParam("verdict") Verdict verdict,
            @Valid @BeanParam PageRequest page) {
        return service.listShared(verdict, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER,
            Roles.VIEWER })
    @Operation(operationId = "getSharedHoax", summary = "Read a published hoax",
            description = "Returns one published hoax of the shared registry. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The published hoax", content = @Content(schema = @Schema(implementation = SharedHoaxView.class)))
    @APIResponse(responseCode = "404", description = "Not published (or withdrawn)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SharedHoaxView get(@PathParam("id") UUID id) {
        return service.getShared(id);
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "withdrawSharedHoax", summary = "Withdraw a published hoax from the registry (platform operators); its owner keeps it",
            description = "Withdraws a published hoax from the shared registry with a reason: no other institution sees or matches it any more, its owner keeps it. Audited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "contested", value = """
            {"reason":"Verdict contested by the fact-checking network"}""")))
    @APIResponse(responseCode = "200", description = "Withdrawn: no other institution sees or matches it any more", content = @Content(schema = @Schema(implementation = SharedHoaxView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such shared hoax", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SharedHoaxView withdraw(@PathParam("id") UUID id, @Valid @NotNull WithdrawalRequest request) {
        return service.withdraw(id, request.reason());
    }

    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "reinstateSharedHoax", summary = "Publish a withdrawn hoax again (platform operators)",
            description = "Publishes a withdrawn hoax again in the shared registry. Audited.")
    @APIResponse(responseCode = "200", description = "Published again", content = @Content(schema = @Schema(implementation = SharedHoaxView.class)))
    @APIResponse(responseCode = "404", description = "No such shared hoax", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not withdrawn", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SharedHoaxView reinstate(@PathParam("id") UUID id) {
        return service.reinstate(id);
    }
}
