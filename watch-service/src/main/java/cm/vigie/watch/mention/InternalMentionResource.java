package cm.vigie.watch.mention;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.tenancy.ServiceCall;
import cm.vigie.commons.tenancy.ServiceKey;

/**
 * Ingestion for other Vigie services (the exercise runner posts its injects here): the service key instead of a
 * user token, the institution named by {@code X-Vigie-Institution}, then exactly the public batch's path and answer.
 * Internal: the gateway never routes {@code /internal}.
 */
@Path("/internal/watch/mentions")
@Produces(MediaType.APPLICATION_JSON)
public class InternalMentionResource {

    private final MentionIngestion ingestion;
    private final BatchReader reader;
    private final ServiceCall serviceCall;

    InternalMentionResource(MentionIngestion ingestion, BatchReader reader, ServiceCall serviceCall) {
        this.ingestion = ingestion;
        this.reader = reader;
        this.serviceCall = serviceCall;
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(hidden = true)
    public Response ingest(byte[] body, @HeaderParam(ServiceKey.HEADER) String presentedKey,
            @HeaderParam(ServiceCall.INSTITUTION_HEADER) String institution,
            @HeaderParam("Idempotency-Key") String idempotencyKey, HttpHeaders headers) {
        String institutionId = serviceCall.actAs(presentedKey, institution);
        BatchReader.Batch batch = reader.read(body, idempotencyKey);
        IngestResult result = ingestion.ingest(institutionId, batch.exerciseId(), batch.mentions(), batch.unreadable(),
                idempotencyKey == null ? null : MentionIngestion.Idempotency.of(idempotencyKey.strip(), body));
        return Response.accepted(BatchReader.localized(result, Messages.choose(headers.getAcceptableLanguages()))).build();
    }
}
