package cm.vigie.watch.source.meta;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import cm.vigie.commons.problem.Problem;

/**
 * Called by Meta, not by users: public (no token; the gateway lets this path through), authenticated instead by the
 * source's verify token (handshake) and app-secret signature (events).
 */
@Path("/api/watch/sources/{id}/meta-webhook")
@Tag(name = "Sources")
public class MetaWebhookResource {

    private final MetaWebhooks webhooks;

    MetaWebhookResource(MetaWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "verifyMetaWebhook", summary = "Meta's subscription handshake: echoes hub.challenge when hub.verify_token is the source's",
            description = "Meta's subscription handshake for a Facebook Page source: echoes hub.challenge when hub.verify_token is the source's. Needs no token; changes nothing.")
    @APIResponse(responseCode = "200", description = "The challenge, as plain text", content = @Content(mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "challenge", value = "1158201444")))
    @APIResponse(responseCode = "403", description = "Wrong mode or verify token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No active Facebook Page source has this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String verify(@PathParam("id") UUID id,
            @Parameter(description = "Always subscribe", example = "subscribe") @QueryParam("hub.mode") String mode,
            @Parameter(description = "The source's verify token", example = "vigie-minsante-2026") @QueryParam("hub.verify_token") String token,
            @Parameter(description = "To echo back", example = "1158201444") @QueryParam("hub.challenge") String challenge) {
        return webhooks.verify(id, mode, token, challenge);
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveMetaWebhook", summary = "Page feed events from Meta, signed with the app secret; posts and comments become mentions",
            description = "Receives a Page's feed events from Meta, signed with the app secret (X-Hub-Signature-256): posts and comments become mentions of the source's institution. Needs no bearer token; an unsigned or wrongly signed body stores nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "comment", value = """
            {"object":"page","entry":[{"id":"104857392011","time":1795766400,"changes":[{"field":"feed","value":{"from":{"id":"5550001","name":"Jean Mballa"},"item":"comment","post_id":"104857392011_987654321","comment_id":"987654321_111222333","parent_id":"104857392011_987654321","verb":"add","created_time":1795766390,"message":"Le vaccin contient une puce 5G !"}}]}]}""")))
    @APIResponse(responseCode = "200", description = "Verified and ingested", content = @Content(schema = @Schema(implementation = MetaWebhookReceipt.class)))
    @APIResponse(responseCode = "400", description = "Signed but not JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "X-Hub-Signature-256 missing or wrong: nothing is stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No active Facebook Page source has this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MetaWebhookReceipt receive(@PathParam("id") UUID id,
            @Parameter(description = "sha256=<hex HMAC-SHA256 of the body with the app secret>") @HeaderParam("X-Hub-Signature-256") String signature,
            byte[] body) {
        return webhooks.receive(id, signature, body);
    }
}
