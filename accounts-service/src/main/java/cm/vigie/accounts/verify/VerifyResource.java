package cm.vigie.accounts.verify;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemResponses;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.ratelimit.TokenBucket;
import io.vertx.core.http.HttpServerRequest;

/** The public check citizens use: is this account official, and if not, which official account does it imitate? */
@Path("/api/public/verify")
@Tag(name = "Public verification", description = "For citizens, without a token: is this account official?")
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {

    private static final String LOOKALIKE = """
            {"official":false,"institution":null,"compromised":false,"platform":"FACEBOOK","handle":"minsante.officiel",\
            "resembles":[{"platform":"FACEBOOK","handle":"minsantecm","displayName":"Ministère de la Santé publique",\
            "institution":{"slug":"minsante","name":"Ministère de la Santé publique"}}]}""";
    private static final String OFFICIAL = """
            {"official":true,"institution":{"slug":"minsante","name":"Ministry of Public Health"},"compromised":false,\
            "platform":"FACEBOOK","handle":"minsantecm","resembles":[]}""";

    private final VerifyService service;
    private final RateLimiter limiter;
    private final ClientAddresses addresses;
    private final VerifyConfig config;

    VerifyResource(VerifyService service, RateLimiter limiter, ClientAddresses addresses, VerifyConfig config) {
        this.service = service;
        this.limiter = limiter;
        this.addresses = addresses;
        this.config = config;
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet({})
    @Operation(operationId = "verifyPublicAccount", summary = "Check whether an account is official (no token): give platform and handle, or a profile URL",
            description = "Tells anyone whether an account is an official account of a Vigie institution (and whether it is compromised), from a platform and handle or a profile URL. Changes nothing; limited per client address (429).")
    @APIResponse(responseCode = "200", description = "The answer; cacheable", headers = @Header(name = "Cache-Control", description = "public, max-age=300", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = VerifyView.class), examples = {
                    @ExampleObject(name = "lookalike", description = "Not official (unknown, or registered by an institution but not proven yet); it resembles minsante's verified account", value = LOOKALIKE),
                    @ExampleObject(name = "official", value = OFFICIAL) }))
    @APIResponse(responseCode = "400", description = "Nothing to check, an unknown platform, or not a handle or profile URL", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many checks from your address; Retry-After says when to retry", headers = @Header(name = "Retry-After", description = "Seconds", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verify(
            @Parameter(description = "Platform; TWITTER, FB, IG... are understood too. Optional with a URL", example = "FACEBOOK") @QueryParam("platform") String platform,
            @Parameter(description = "Handle as seen; @, spaces and case do not matter; a profile URL works too", example = "@MinSante.Officiel") @QueryParam("handle") String handle,
            @Parameter(description = "Profile URL, tracking parameters and all", example = "https://www.facebook.com/MinSante.Officiel?mibextid=ZbWKwL") @QueryParam("url") String url,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        String client = addresses.of(request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress(),
                headers.getRequestHeader("X-Forwarded-For"));
        TokenBucket.Decision decision = limiter.acquire(client);
        var locale = Messages.choose(headers.getAcceptableLanguages());
        if (!decision.allowed()) {
            return Response.fromResponse(ProblemResponses.of(ProblemType.TOO_MANY_REQUESTS, locale,
                    request.path(), "verify.rate-limited"))
                    .header("Retry-After", decision.retryAfterSeconds())
                    .header("Cache-Control", "no-store")
                    .build();
        }
        VerifyView view = service.verify(platform, handle, url, locale);
        return Response.ok(view)
                .header("Cache-Control", "public, max-age=" + config.maxAgeSeconds())
                .header("Vary", "Accept-Language")
                .build();
    }
}
