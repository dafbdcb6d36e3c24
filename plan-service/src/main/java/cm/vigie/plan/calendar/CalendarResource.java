package cm.vigie.plan.calendar;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.tenancy.Roles;

@Path("/api/plans/calendar.ics")
@Tag(name = "Editorial calendar", description = "Publications, risk dates and the iCalendar export")
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar";

    private final CalendarService calendar;

    CalendarResource(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    @Produces({ TEXT_CALENDAR + ";charset=utf-8", Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "exportPlanCalendar", summary = "The editorial calendar as iCalendar (RFC 5545): publications and risk dates with prebunking reminders",
            description = "Exports the editorial calendar (publications and risk dates with their prebunking reminders) of a window as an iCalendar document (RFC 5545). Changes nothing.")
    @APIResponse(responseCode = "200", description = "An iCalendar document", content = @Content(mediaType = TEXT_CALENDAR, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "one publication", value = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Vigie//plan-service//FR\r\nBEGIN:VEVENT\r\nUID:3c2b1a09-8f7e-4d6c-b5a4-938271605f4e@plans.vigie.cm\r\nDTSTAMP:20270110T080000Z\r\nDTSTART:20270112T080000Z\r\nDTEND:20270112T081500Z\r\nSUMMARY:Lancement de la campagne HPV\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")))
    @APIResponse(responseCode = "400", description = "Invalid window or channel", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(description = "Start: a date or an instant; 30 days ago when absent", example = "2027-01-01") @QueryParam("from") String from,
            @Parameter(description = "End (a date is included whole); 120 days after from when absent", example = "2027-03-31") @QueryParam("to") String to,
            @Parameter(description = "Only this channel (official account id)") @QueryParam("channel") UUID channel) {
        String body = calendar.ics(CalendarRange.parse(from, to), channel);
        return Response.ok(body, TEXT_CALENDAR + ";charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"vigie-calendar.ics\"")
                .header("Cache-Control", "private, max-age=60")
                .build();
    }
}
