package cm.vigie.watch.alert;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;
import cm.vigie.watch.mention.MentionFilter;
import cm.vigie.watch.mention.MentionService;
import cm.vigie.watch.mention.MentionView;

@Path("/api/watch/alerts")
@Tag(name = "Alerts", description = "Alerts raised by watchlists, hoaxes, impersonating authors, spikes and reach")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AlertResource {

    private final AlertService service;
    private final MentionService mentions;

    AlertResource(AlertService service, MentionService mentions) {
        this.service = service;
        this.mentions = mentions;
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listWatchAlerts", summary = "List your institution's alerts, newest first by default",
            description = "Lists the institution's alerts, one page at a time, filtered by status, severity, watchlist or time. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid filter, paging or sort", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<AlertView> list(@BeanParam AlertFilter filter, @Valid @BeanParam PageRequest page) {
        return service.list(filter, page).map(AlertView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getWatchAlert", summary = "Read an alert with its latencies",
            description = "Returns an alert with its status, severity and latencies (detection, acknowledgement, resolution). Changes nothing.")
    @APIResponse(responseCode = "200", description = "The alert", content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", description = "No such alert in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertView get(@PathParam("id") UUID id) {
        return AlertView.of(service.get(id));
    }

    @GET
    @Path("/{id}/mentions")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listWatchAlertMentions", summary = "The mentions grouped under an alert",
            description = "Lists the mentions grouped under an alert, one page at a time. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", description = "No such alert in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<MentionView> mentions(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        service.get(id);
        MentionFilter filter = new MentionFilter();
        filter.alertId = id;
        return mentions.search(filter, page);
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "acknowledgeWatchAlert", summary = "Acknowledge an open alert: someone is on it",
            description = "Marks an OPEN alert ACKNOWLEDGED (someone is on it), recording who and when; live streams and webhooks are told. Any other status answers 409 INVALID_TRANSITION.")
    @APIResponse(responseCode = "200", description = "Acknowledged", content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", description = "No such alert in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The alert is not OPEN", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertView acknowledge(@PathParam("id") UUID id) {
        return AlertView.of(service.acknowledge(id));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "resolveWatchAlert", summary = "Resolve an open or acknowledged alert, with a note",
            description = "Marks an open or acknowledged alert RESOLVED with a note, recording who and when; live streams and webhooks are told. An already resolved alert answers 409 INVALID_TRANSITION.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "debunked", value = "{\"note\":\"Debunk published on the ministry's page\"}")))
    @APIResponse(responseCode = "200", description = "Resolved", content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", description = "No such alert in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The alert is already resolved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertView resolve(@PathParam("id") UUID id, @Valid ResolveRequest request) {
        return AlertView.of(service.resolve(id, request));
    }
}
