package cm.vigie.accounts.official.custodian;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** Who holds the keys of an official account. */
@Path("/api/accounts/official/{id}/custodians")
@Tag(name = "Official accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such account in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CustodianResource {

    private static final String EXAMPLE = """
            {"custodians":[{"user":"admin","role":"OWNER"},{"user":"cm","role":"EDITOR"},{"user":"approver","role":"BACKUP"}]}""";

    private final CustodianService service;

    CustodianResource(CustodianService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listOfficialAccountCustodians", summary = "Who holds the keys of an official account",
            description = "Lists who holds the keys of an official account (owners, editors, backups). Changes nothing.")
    @APIResponse(responseCode = "200", description = "The custodians, owners first", content = @Content(
            schema = @Schema(implementation = CustodianList.class), examples = @ExampleObject(name = "three custodians", value = EXAMPLE)))
    public CustodianList list(@PathParam("id") UUID id) {
        return new CustodianList(service.list(id));
    }

    @PUT
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "replaceOfficialAccountCustodians", summary = "Set the custodians of an official account (the whole list; at least one OWNER)",
            description = "Replaces the whole list of custodians of an official account; at least one OWNER is required. The change is recorded in the account's history and feeds its security score.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "three custodians", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The custodians now; the change is in the account's history", content = @Content(
            schema = @Schema(implementation = CustodianList.class), examples = @ExampleObject(name = "three custodians", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid entries, a user listed twice, or no OWNER", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustodianList replace(@PathParam("id") UUID id, @Valid @NotNull CustodianList request) {
        List<CustodianEntry> custodians = service.replace(id, request);
        return new CustodianList(custodians);
    }
}
