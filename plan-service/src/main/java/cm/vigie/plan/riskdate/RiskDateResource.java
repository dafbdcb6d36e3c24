package cm.vigie.plan.riskdate;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;
import cm.vigie.plan.calendar.CalendarRange;

@Path("/api/plans/risk-dates")
@Tag(name = "Editorial calendar", description = "Publications, risk dates and the iCalendar export")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RiskDateResource {

    private final RiskDateService service;

    RiskDateResource(RiskDateService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "createPlanRiskDate", summary = "Mark a date that draws rumours (exam results, election, vaccination campaign, national day)",
            description = "Records a date that draws rumours (exam results, election, vaccination campaign, national day), once or yearly; the calendar shows it with a prebunking suggestion. Audited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "exam results", value = """
            {"name":"Résultats du baccalauréat","kind":"EXAM_RESULTS","startsOn":"2027-07-15","endsOn":"2027-07-16","yearly":false,"notes":"Faux résultats chaque année"}""")))
    @APIResponse(responseCode = "201", description = "Recorded, with the prebunking suggestion", content = @Content(schema = @Schema(implementation = RiskDateView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull RiskDateRequest request, UriInfo uri) {
        RiskDate date = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(date.id.toString()).build()).entity(RiskDateView.of(date)).build();
    }

    @GET
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listPlanRiskDates", summary = "Risk dates occurring in a window (yearly ones once per year), each with its prebunking suggestion",
            description = "Lists the risk dates occurring in a window (yearly ones once per year), each with its prebunking suggestion. Changes nothing.")
    @APIResponse(responseCode = "200", description = "Occurrences, earliest first")
    @APIResponse(responseCode = "400", description = "Invalid window", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RiskDateView> list(
            @Parameter(description = "Start: a date or an instant; 30 days ago when absent", example = "2027-01-01") @QueryParam("from") String from,
            @Parameter(description = "End (a date is included whole); 120 days after from when absent", example = "2027-12-31") @QueryParam("to") String to) {
        CalendarRange range = CalendarRange.parse(from, to);
        return service.between(range.firstDay(), range.lastDay()).stream().map(RiskDateView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER })
    @Operation(operationId = "deletePlanRiskDate", summary = "Remove a risk date",
            description = "Removes a risk date from the institution's calendar. Audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such risk date in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }
}
