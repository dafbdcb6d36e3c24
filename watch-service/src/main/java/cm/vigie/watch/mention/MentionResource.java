package cm.vigie.watch.mention;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.Roles;

@Path("/api/watch/mentions")
@Tag(name = "Mentions", description = "Collected posts and articles: ingestion, search, triage")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MentionResource {

    private static final String BATCH_EXAMPLE = """
            {"mentions":[{"platform":"FACEBOOK","externalId":"1234567890_987654321","url":"https://www.facebook.com/permalink.php?story_fbid=987654321",\
            "author":{"handle":"jean_237","displayName":"Jean Mballa","followers":1520,"createdAt":"2024-01-05T00:00:00Z"},\
            "text":"Le vaccin contre le paludisme rend stérile, partagez ! #vaccination","language":"fr","publishedAt":"2026-11-27T08:00:00Z",\
            "metrics":{"likes":12,"shares":3,"comments":5,"views":840},"inReplyTo":null}]}""";
    static final String EXERCISE_BATCH_EXAMPLE = """
            {"exerciseId":"6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b","mentions":[{"platform":"X","externalId":"ex-6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b-0-0",\
            "author":{"handle":"mama_ngo237","displayName":"Mama Ngo","followers":1200,"createdAt":"2021-03-04T00:00:00Z"},\
            "text":"Le vaccin HPV rend les filles stériles","language":"fr","publishedAt":"2026-11-27T08:02:00Z",\
            "metrics":{"likes":3,"shares":1,"comments":0,"views":120}}]}""";
    private static final String TRIAGE_EXAMPLE = """
            {"status":"ESCALATED","assignee":"cm","note":"Relayed by three regional pages"}""";

    private final MentionIngestion ingestion;
    private final MentionService service;
    private final BatchReader reader;

    MentionResource(MentionIngestion ingestion, MentionService service, BatchReader reader) {
        this.ingestion = ingestion;
        this.service = service;
        this.reader = reader;
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "ingestWatchMentions", summary = "Ingest up to 1,000 mentions (5 MB); 202 means committed",
            description = "Each item is checked on its own: bad items are listed in rejected[] with their index, the others are stored. "
                    + "A repeat of a stored (platform, externalId) updates its metrics and counts as a duplicate. "
                    + "With an Idempotency-Key, a retried batch answers the first answer. "
                    + "An optional exerciseId marks the batch's mentions and the alerts they raise as exercise data.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MentionBatch.class), examples = { @ExampleObject(name = "facebook", value = BATCH_EXAMPLE),
            @ExampleObject(name = "exercise", value = EXERCISE_BATCH_EXAMPLE) }))
    @APIResponse(responseCode = "202", description = "Committed", content = @Content(schema = @Schema(implementation = IngestResult.class),
            examples = @ExampleObject(name = "one rejected", value = "{\"accepted\":498,\"duplicates\":1,\"rejected\":[{\"index\":7,\"errors\":[{\"field\":\"publishedAt\",\"message\":\"is required\"}]}]}")))
    @APIResponse(responseCode = "400", description = "Not a batch, more than 1,000 items, or exerciseId not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 5 MB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ingest(byte[] body,
            @Parameter(description = "Makes a retried batch return the first answer (at most 200 characters)", example = "batch-2026-11-27-0001") @HeaderParam("Idempotency-Key") String idempotencyKey,
            HttpHeaders headers) {
        BatchReader.Batch batch = reader.read(body, idempotencyKey);
        String institutionId = service.institutionId();
        IngestResult result = ingestion.ingest(institutionId, batch.exerciseId(), batch.mentions(), batch.unreadable(),
                idempotencyKey == null ? null : MentionIngestion.Idempotency.of(idempotencyKey.strip(), body));
        return Response.accepted(BatchReader.localized(result, Messages.choose(headers.getAcceptableLanguages()))).build();
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listWatchMentions", summary = "Search your institution's mentions, newest first by default",
            description = "Sortable by publishedAt, ingestedAt, likes, shares, views, engagement. A list reaches its first "
                    + "10,000 results (the default window): totals are counted up to it (totalExact is false beyond), and a "
                    + "page past it answers 400; narrow the filters, for example the date range, to see further.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid filter, paging or sort, or a page past the result window", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<MentionView> list(@Valid @BeanParam MentionFilter filter, @Valid @BeanParam PageRequest page) {
        return service.search(filter, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getWatchMention", summary = "Read a mention",
            description = "Returns one mention with its matches, hoax flags, tone and triage. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The mention", content = @Content(schema = @Schema(implementation = MentionView.class)))
    @APIResponse(responseCode = "404", description = "No such mention in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MentionView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "triageWatchMention", summary = "Triage a mention: status (NEW, REVIEWED, ESCALATED, DISMISSED), assignee, note",
            description = "Sets a mention's triage status (NEW, REVIEWED, ESCALATED, DISMISSED), assignee and note, recording who and when.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "escalate", value = TRIAGE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The triaged mention", content = @Content(schema = @Schema(implementation = MentionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such mention in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MentionView triage(@PathParam("id") UUID id, @Valid @NotNull TriageRequest request) {
        return service.triage(id, request);
    }

    @POST
    @Path("/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "bulkTriageWatchMentions", summary = "Apply one triage decision to up to 500 mentions",
            description = "Applies one triage decision to up to 500 mentions of the institution and answers how many were triaged. Records who and when on each.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "dismiss", value = "{\"ids\":[\"2f4c0b8e-1d3a-4c5e-8f7a-9b0c1d2e3f40\"],\"triage\":{\"status\":\"DISMISSED\"}}")))
    @APIResponse(responseCode = "200", description = "How many were triaged", content = @Content(schema = @Schema(implementation = BulkTriageResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BulkTriageResult bulkTriage(@Valid @NotNull BulkTriageRequest request) {
        return service.bulkTriage(request);
    }
}
