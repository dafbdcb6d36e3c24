package cm.vigie.plan.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.plan.publication.Publication;
import cm.vigie.plan.publication.PublicationRepository;
import cm.vigie.plan.riskdate.RiskDateService;
import cm.vigie.plan.riskdate.RiskDateView;
import cm.vigie.plan.workflow.ItemStatus;

/** The editorial calendar as iCalendar: publications as timed events, risk dates as all-day events with a reminder. */
@ApplicationScoped
public class CalendarService {

    static final String DOMAIN = "@plans.vigie.cm";
    static final Duration SLOT = Duration.ofMinutes(15);

    private final PublicationRepository publications;
    private final RiskDateService riskDates;
    private final CurrentInstitution institution;

    CalendarService(PublicationRepository publications, RiskDateService riskDates, CurrentInstitution institution) {
        this.publications = publications;
        this.riskDates = riskDates;
        this.institution = institution;
    }

    /** The caller's institution's calendar. */
    public String ics(CalendarRange range, UUID channelId) {
        return render(institution.slug().orElse("vigie"),
                publications.search(range.from(), range.to(), channelId, null, null, false).list(),
                riskDates.between(range.firstDay(), range.lastDay()));
    }

    /** Renders publications and risk-date occurrences as one iCalendar document. */
    public String render(String slug, java.util.List<Publication> planned, java.util.List<RiskDateService.Occurrence> risks) {
        Instant stamp = Instant.now();
        IcsWriter ics = new IcsWriter().begin("VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", "-//Vigie//plan-service//FR")
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", "Vigie " + slug)
                .raw("X-PUBLISHED-TTL", "PT1H");
        for (Publication p : planned) {
            var c = p.publication;
            ics.begin("VEVENT")
                    .raw("UID", p.id + DOMAIN)
                    .instant("DTSTAMP", stamp)
                    .instant("LAST-MODIFIED", p.updatedAt)
                    .instant("CREATED", p.createdAt)
                    .instant("DTSTART", p.plannedAt)
                    .instant("DTEND", p.plannedAt.plus(SLOT))
                    .text("SUMMARY", c.title())
                    .text("DESCRIPTION", description(p))
                    .raw("STATUS", p.status == ItemStatus.APPROVED || p.status == ItemStatus.PUBLISHED ? "CONFIRMED" : "TENTATIVE")
                    .text("CATEGORIES", "PUBLICATION," + p.status.name())
                    .raw("SEQUENCE", Long.toString(p.version))
                    .raw("TRANSP", "TRANSPARENT");
            if (p.publishedUrl != null) {
                ics.raw("URL", p.publishedUrl);
            }
            ics.end("VEVENT");
        }
        for (RiskDateService.Occurrence o : risks) {
            RiskDateView.Suggestion suggestion = RiskDateView.suggestion(o.date().name, o.startsOn());
            ics.begin("VEVENT")
                    .raw("UID", o.date().id + "-" + o.startsOn() + DOMAIN)
                    .instant("DTSTAMP", stamp)
                    .date("DTSTART", o.startsOn())
                    .date("DTEND", o.endsOn().plusDays(1))
                    .text("SUMMARY", "⚠ " + o.date().name)
                    .text("DESCRIPTION", suggestion.messageFr() + "\n\n" + suggestion.messageEn()
                            + (o.date().notes == null ? "" : "\n\n" + o.date().notes))
                    .text("CATEGORIES", "RISK_DATE," + o.date().kind.name())
                    .raw("TRANSP", "TRANSPARENT")
                    .begin("VALARM")
                    .raw("ACTION", "DISPLAY")
                    .raw("TRIGGER", "-P7D")
                    .text("DESCRIPTION", suggestion.messageFr())
                    .end("VALARM")
                    .end("VEVENT");
        }
        return ics.end("VCALENDAR").toString();
    }

    private static String description(Publication p) {
        var c = p.publication;
        StringBuilder text = new StringBuilder();
        if (c.contentFr() != null && !c.contentFr().isBlank()) {
            text.append("FR : ").append(c.contentFr().strip()).append("\n\n");
        }
        if (c.contentEn() != null && !c.contentEn().isBlank()) {
            text.append("EN: ").append(c.contentEn().strip()).append("\n\n");
        }
        text.append("Statut / status: ").append(p.status.name())
                .append("\nHeure locale / local time: ").append(p.plannedAt.atZone(java.time.ZoneId.of(p.timeZone)).toLocalDateTime())
                .append(" (").append(p.timeZone).append(")")
                .append("\nCanal / channel: ").append(p.channelId);
        if (!c.media().isEmpty()) {
            text.append("\nMédias / media: ").append(String.join(" ", c.media()));
        }
        return text.toString();
    }
}
