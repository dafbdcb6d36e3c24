package cm.vigie.accounts.suspect;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.accounts.api.PageSchemas;
import cm.vigie.accounts.official.Platform;
import cm.vigie.accounts.person.ChangeRecord;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

/** Suspect accounts of the caller's institution and their takedown cases. */
@Path("/api/accounts/suspects")
@Tag(name = "Suspect accounts", description = "Accounts suspected of impersonation and the cases to take them down")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or institution suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SuspectResource {

    private static final String REQUEST_EXAMPLE = """
            {"platform":"FACEBOOK","handle":"MinSante.Officiel","displayName":"Ministère de la Santé Publique (officiel)",\
            "profileUrl":"https://www.facebook.com/MinSante.Officiel","personId":null}""";
    private static final String VIEW_EXAMPLE = """
            {"id":"3c2e1f0a-9b8d-4c7e-a6f5-4d3c2b1a0f9e","platform":"FACEBOOK","handle":"minsante.officiel",\
            "displayName":"Ministère de la Santé Publique (officiel)","profileUrl":"https://www.facebook.com/MinSante.Officiel",\
            "personId":null,"officialAccountId":"7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11","score":0.87,"verdict":"LIKELY_IMPERSONATION",\
            "status":"REPORTED","reportReference":"FB-IMP-2026-118734","reportedAt":"2026-11-27T10:00:00Z","slaDays":7,\
            "dueAt":"2026-12-04T10:00:00Z","overdue":false,"outcome":null,"closedAt":null,"lastScoredAt":"2026-11-27T08:00:00Z",\
            "createdAt":"2026-11-27T08:00:00Z","updatedAt":"2026-11-27T10:00:00Z"}""";
    private static final String UPDATE_EXAMPLE = """
            {"displayName":"Ministère de la Santé Publique (officiel)","profileUrl":"https://www.facebook.com/MinSante.Officiel",\
            "personId":null,"reportReference":"FB-IMP-2026-118734","slaDays":10,"outcome":null}""";
    private static final String TRANSITION_EXAMPLE = """
            {"to":"REPORTED","reason":"Reported through the Facebook impersonation form","reportReference":"FB-IMP-2026-118734",\
            "reportedAt":"2026-11-27T10:00:00Z","slaDays":7}""";
    private static final String EVIDENCE_EXAMPLE = """
            {"url":"https://www.facebook.com/MinSante.Officiel/posts/1029384756",\
            "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",\
            "note":"Post asking citizens to pay 5,000 FCFA for a vaccination card","capturedAt":"2026-11-27T09:30:00Z"}""";
    private static final String EVIDENCE_VIEW_EXAMPLE = """
            {"id":"0d1b6c7e-2a4f-4e55-8b3a-1c9d0e7f6a21","url":"https://www.facebook.com/MinSante.Officiel/posts/1029384756",\
            "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",\
            "note":"Post asking citizens to pay 5,000 FCFA for a vaccination card","capturedAt":"2026-11-27T09:30:00Z",\
            "capturedBy":"cm","addedAt":"2026-11-27T09:35:00Z"}""";
    private static final String HISTORY_EXAMPLE = """
            [{"at":"2026-11-27T08:00:00Z","actor":"system","action":"SUSPECT_OPENED","from":null,"to":"SUSPECTED","reason":"scan score 0.87"},\
            {"at":"2026-11-27T10:00:00Z","actor":"cm","action":"SUSPECT_TRANSITIONED","from":"CONFIRMED","to":"REPORTED",\
            "reason":"Reported through the Facebook impersonation form"}]""";
    private static final String CSV_EXAMPLE = """
            section,field,value,at,by,detail\r
            CASE,caseId,3c2e1f0a-9b8d-4c7e-a6f5-4d3c2b1a0f9e,,,\r
            CASE,handle,minsante.officiel,,,\r
            EVIDENCE,9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08,https://www.facebook.com/MinSante.Officiel/posts/1029384756,2026-11-27T09:30:00Z,cm,Fake vaccination card offer\r
            HISTORY,SUSPECT_TRANSITIONED,CONFIRMED -> REPORTED,2026-11-27T10:00:00Z,cm,Reported through the Facebook form\r
            """;

    private final SuspectService service;

    SuspectResource(SuspectService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "createSuspectAccount", summary = "Open a case on an account suspected of impersonation",
            description = "Opens a case (status SUSPECTED) on an account suspected of impersonating the institution or one of its protected persons. Audited in the case's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "facebook", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Opened as SUSPECTED; Location and ETag set", content = @Content(schema = @Schema(implementation = SuspectView.class), examples = @ExampleObject(name = "case", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or an unknown person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A case already exists for this platform and handle", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull SuspectRequest request, UriInfo uri) {
        SuspectAccount suspect = service.create(request);
        return withETag(Response.created(uri.getAbsolutePathBuilder().path(suspect.id.toString()).build()), suspect);
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listSuspectAccounts", summary = "List your institution's suspect accounts, newest first by default",
            description = "Lists the institution's suspect account cases, one page at a time, filtered by status or platform. Changes nothing.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = PageSchemas.SuspectPage.class), examples = @ExampleObject(name = "page", value = "{\"items\":[" + VIEW_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "Invalid paging or filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<SuspectView> list(
            @Parameter(description = "Only this status", example = "REPORTED", schema = @Schema(implementation = SuspectStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only this platform", example = "FACEBOOK", schema = @Schema(implementation = Platform.class)) @QueryParam("platform") String platform,
            @Parameter(description = "Only cases about this protected person", schema = @Schema(implementation = UUID.class)) @QueryParam("personId") String personId,
            @Parameter(description = "true: only reported cases past their SLA; false: only the others", example = "true", schema = @Schema(implementation = Boolean.class)) @QueryParam("overdue") String overdue,
            @Valid @BeanParam PageRequest page) {
        var now = service.now();
        SuspectFilter filter = new SuspectFilter(QueryFilters.enumValue(SuspectStatus.class, "status", status),
                QueryFilters.enumValue(Platform.class, "platform", platform), QueryFilters.uuid("personId", personId),
                QueryFilters.bool("overdue", overdue));
        return service.list(filter, page).map(s -> SuspectView.of(s, now));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getSuspectAccount", summary = "Read a suspect account and its case",
            description = "Returns one suspect account case; the ETag carries its version. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The case; ETag carries its version", content = @Content(schema = @Schema(implementation = SuspectView.class), examples = @ExampleObject(name = "case", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such case in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return withETag(Response.ok(), service.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "updateSuspectAccount", summary = "Replace a case's editable fields (If-Match required); status changes through transitions",
            description = "Replaces a case's editable fields (not its status, which moves through transitions). Requires If-Match; recorded in the case's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "case", value = UPDATE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated; new ETag", content = @Content(schema = @Schema(implementation = SuspectView.class), examples = @ExampleObject(name = "case", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or an unknown person", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SuspectUpdate update) {
        return withETag(Response.ok(), service.update(id, ifMatch, update));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "transitionSuspectAccount", summary = "Move a case along SUSPECTED → CONFIRMED → REPORTED → TAKEN_DOWN | REJECTED_BY_PLATFORM, or to FALSE_POSITIVE (If-Match optional)",
            description = "Moves a case along its lifecycle (SUSPECTED, CONFIRMED, REPORTED, TAKEN_DOWN or REJECTED_BY_PLATFORM, or FALSE_POSITIVE) with a note; a move the lifecycle does not allow answers 409 INVALID_TRANSITION. If-Match is optional; recorded in the case's history.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "report", value = TRANSITION_EXAMPLE),
            @ExampleObject(name = "takenDown", value = "{\"to\":\"TAKEN_DOWN\",\"reason\":\"Meta confirmed removal\",\"outcome\":\"Page removed by Meta\"}") }))
    @APIResponse(responseCode = "200", description = "Moved; new ETag", content = @Content(schema = @Schema(implementation = SuspectView.class), examples = @ExampleObject(name = "case", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The lifecycle does not allow this move from the current status", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TransitionRequest request) {
        return withETag(Response.ok(), service.transition(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/evidence")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST })
    @Operation(operationId = "addSuspectEvidence", summary = "Add a capture to a case's evidence (append-only)",
            description = "Appends a capture (URL, SHA-256 of the file, capture time) to a case's evidence; evidence is never edited or removed. Audited in the case's history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "capture", value = EVIDENCE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = EvidenceView.class), examples = @ExampleObject(name = "capture", value = EVIDENCE_VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (SHA-256 must be 64 hex digits; capture not in the future)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addEvidence(@PathParam("id") UUID id, @Valid @NotNull EvidenceRequest request) {
        return Response.status(Response.Status.CREATED).entity(EvidenceView.of(service.addEvidence(id, request))).build();
    }

    @GET
    @Path("/{id}/evidence")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listSuspectEvidence", summary = "List a case's evidence, oldest capture first",
            description = "Lists a case's evidence, oldest capture first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "Every capture", content = @Content(schema = @Schema(implementation = EvidenceView.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "captures", value = "[" + EVIDENCE_VIEW_EXAMPLE + "]")))
    @APIResponse(responseCode = "404", description = "No such case in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<EvidenceView> evidence(@PathParam("id") UUID id) {
        return service.evidence(id).stream().map(EvidenceView::of).toList();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "getSuspectAccountHistory", summary = "Read a case's history, oldest first (read-only)",
            description = "Lists every recorded change of a case, oldest first. Changes nothing.")
    @APIResponse(responseCode = "200", description = "Every recorded change", content = @Content(schema = @Schema(implementation = ChangeRecord.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such case in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ChangeRecord> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @GET
    @Path("/{id}/dossier.csv")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "exportSuspectDossier", summary = "Export a case file for a complaint, as CSV (case, evidence, history)",
            description = "Exports a case file for a complaint as CSV (the case, its evidence and its history). Changes nothing.")
    @APIResponse(responseCode = "200", description = "section,field,value,at,by,detail; UTF-8, CRLF line ends", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "dossier", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such case in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response dossier(@PathParam("id") UUID id) {
        Dossier dossier = service.dossier(id);
        return Response.ok(DossierCsv.write(dossier), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"dossier-" + dossier.suspect().platform.name().toLowerCase(java.util.Locale.ROOT)
                        + "-" + dossier.suspect().id + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private Response withETag(Response.ResponseBuilder response, SuspectAccount suspect) {
        return response.entity(SuspectView.of(suspect, service.now())).header(HttpHeaders.ETAG, ETags.of(suspect.version)).build();
    }
}
