package cm.vigie.watch.delivery;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

@Path("/api/watch/webhooks")
@Tag(name = "Webhooks", description = "Alert events POSTed as JSON signed with HMAC-SHA256 (header X-Vigie-Signature-256: sha256=<hex>)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WebhookResource {

    private static final String EXAMPLE = """
            {"url":"https://hooks.minsante.cm/vigie","secret":"2f8e4c1a9b7d6e5f0a1b2c3d","eventTypes":["ALERT_CREATED"],"minSeverity":"HIGH"}""";

    private final WebhookService service;

    WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "createWatchWebhook", summary = "Register a webhook for your institution's alert events",
            description = "Registers an http(s) endpoint (never a private address) that receives the institution's alert events, each signed with the secret given here, which is never shown again. Audited; counts against the institution's webhook quota.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "webhook", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, a URL that is not http(s) or points to a private address", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull WebhookRequest request, UriInfo uri) {
        Webhook webhook = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(webhook.id.toString()).build())
                .entity(WebhookView.of(webhook)).header(HttpHeaders.ETAG, ETags.of(webhook.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "listWatchWebhooks", summary = "List your institution's webhooks",
            description = "Lists the institution's webhooks with their delivery status, one page at a time. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<WebhookView> list(@Valid @BeanParam PageRequest page) {
        return service.list(page).map(WebhookView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "getWatchWebhook", summary = "Read a webhook",
            description = "Returns a webhook and its delivery status; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The webhook; ETag carries its version", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Webhook webhook = service.get(id);
        return Response.ok(WebhookView.of(webhook)).header(HttpHeaders.ETAG, ETags.of(webhook.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "updateWatchWebhook", summary = "Replace a webhook (If-Match required); active=true re-enables a disabled one",
            description = "Replaces a webhook's URL, events and settings; active=true re-enables one disabled after repeated failures. Requires If-Match; audited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "webhook", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such webhook in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull WebhookRequest request) {
        Webhook webhook = service.update(id, ifMatch, request);
        return Response.ok(WebhookView.of(webhook)).header(HttpHeaders.ETAG, ETags.of(webhook.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.INSTITUTION_ADMIN)
    @Operation(operationId = "deleteWatchWebhook", summary = "Remove a webhook and its delivery log",
            description = "Removes a webhook and its delivery log; no more events are sent to it. Audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such webhook in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "listWatchWebhookDeliveries", summary = "The delivery log of a webhook, newest first",
            description = "Lists a webhook's delivery attempts (event, status code, duration, error), newest first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", description = "No such webhook in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<DeliveryView> deliveries(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.deliveries(id, page);
    }
}
