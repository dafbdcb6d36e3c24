package cm.vigie.plan.calendar;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.tenancy.Roles;

@Path("/api/plans/calendar/feeds")
@Tag(name = "Editorial calendar", description = "Publications, risk dates and the iCalendar export")
public class CalendarFeedResource {

    static final String SUFFIX = ".ics";

    private final CalendarFeedService feeds;

    CalendarFeedResource(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "createPlanCalendarFeed", summary = "Create a secret subscription link for Outlook or Google Calendar (shown once)",
            description = "Creates a secret subscription link to the institution's editorial calendar (optionally for one channel) for calendar programs; the secret is shown in this answer only. Audited.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "all channels", value = "{}")))
    @APIResponse(responseCode = "201", description = "The link; keep it secret, revoke it when leaked", content = @Content(schema = @Schema(implementation = CalendarFeedView.class)))
    @APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown channel", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(CalendarFeedRequest request, UriInfo uri) {
        CalendarFeedService.Created created = feeds.create(request == null ? null : request.channel());
        String url = uri.getAbsolutePathBuilder().path(created.token() + SUFFIX).build().toString();
        return Response.created(uri.getAbsolutePathBuilder().path(created.feed().id.toString()).build())
                .entity(CalendarFeedView.of(created.feed(), url)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "listPlanCalendarFeeds", summary = "Your live subscription links (without their secrets)",
            description = "Lists the caller's live calendar subscription links, without their secrets. Changes nothing.")
    @APIResponse(responseCode = "200", description = "Your feeds")
    @APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CalendarFeedView> mine() {
        return feeds.mine().stream().map(f -> CalendarFeedView.of(f, null)).toList();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.INSTITUTION_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.APPROVER, Roles.VIEWER })
    @Operation(operationId = "revokePlanCalendarFeed", summary = "Revoke a subscription link (yours, or any as institution admin)",
            description = "Revokes a calendar subscription link: it answers 404 from then on. A user revokes their own links; an institution-admin any link of the institution. Audited.")
    @APIResponse(responseCode = "204", description = "Revoked: the link answers 404 from now on")
    @APIResponse(responseCode = "401", description = "Missing or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Someone else's link", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such live link in your institution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void revoke(@PathParam("id") UUID id) {
        feeds.revoke(id);
    }

    @GET
    @Path("/{token}.ics")
    @PermitAll
    @SecurityRequirements
    @Produces({ CalendarResource.TEXT_CALENDAR + ";charset=utf-8", Problem.MEDIA_TYPE })
    @Operation(operationId = "readPlanCalendarFeed", summary = "The calendar behind a subscription link, for calendar programs (no bearer token: the link is the secret)",
            description = "Serves the iCalendar document behind a subscription link, for calendar programs that cannot send a token: the secret link is the credential. Changes nothing; a revoked link or a suspended institution is refused.")
    @APIResponse(responseCode = "200", description = "An iCalendar document: 30 days back, 120 days ahead by default", content = @Content(mediaType = CalendarResource.TEXT_CALENDAR, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid window", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The link's institution is suspended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or revoked link", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@PathParam("token") String token,
            @Parameter(description = "Start: a date or an instant", example = "2027-01-01") @QueryParam("from") String from,
            @Parameter(description = "End (a date is included whole)", example = "2027-03-31") @QueryParam("to") String to) {
        String body = feeds.read(token, CalendarRange.parse(from, to))
                .orElseThrow(() -> ProblemException.notFound("calendar-feed.not-found"));
        return Response.ok(body, CalendarResource.TEXT_CALENDAR + ";charset=utf-8")
                .header("Cache-Control", "private, max-age=300").build();
    }
}
