package cm.vigie.plan.publication;

import static cm.vigie.plan.PlanTestSupport.APPROVER;
import static cm.vigie.plan.PlanTestSupport.CM;
import static cm.vigie.plan.PlanTestSupport.MINCOM_CM;
import static cm.vigie.plan.PlanTestSupport.VIEWER;
import static cm.vigie.plan.PlanTestSupport.action;
import static cm.vigie.plan.PlanTestSupport.idFrom;
import static cm.vigie.plan.PlanTestSupport.officialAccount;
import static cm.vigie.plan.PlanTestSupport.post;
import static cm.vigie.plan.PlanTestSupport.read;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class PublicationCalendarTest {

    static final String PATH = "/api/plans/publications";

    static String publication(UUID channel, String plannedAt, String title) {
        return """
                {"channelId":"%s","plannedAt":"%s","timeZone":"Africa/Douala","title":"%s",
                 "contentFr":"Dès lundi, la vaccination est gratuite; venez, avec vos enfants.\\nMerci !",
                 "contentEn":"From Monday, vaccination is free.","media":["https://cdn.example.cm/affiche.jpg"]}"""
                .formatted(channel, plannedAt, title);
    }

    @Test
    void aPublicationGoesThroughApprovalToPublishedWithItsUrl() {
        UUID channel = officialAccount();
        var created = post(CM, PATH, publication(channel, "2031-01-12T08:00:00Z", "Lancement"));
        created.then().statusCode(201).body("status", equalTo("DRAFT")).body("plannedLocal", containsString("09:00+01:00"))
                .body("warnings", empty());
        String id = idFrom(created);
        action(CM, PATH + "/" + id + "/publish", null).then().statusCode(400);
        given().header("Authorization", CM).contentType(ContentType.JSON).body("{\"url\":\"https://x.example/1\"}")
                .post(PATH + "/" + id + "/publish").then().statusCode(409);
        action(CM, PATH + "/" + id + "/submit", null).then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        action(CM, PATH + "/" + id + "/approve", null).then().statusCode(403);
        action(APPROVER, PATH + "/" + id + "/approve", "ok").then().statusCode(200).body("status", equalTo("APPROVED"));
        given().header("Authorization", CM).contentType(ContentType.JSON).body("{\"url\":\"not a url\"}")
                .post(PATH + "/" + id + "/publish").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"url\":\"https://www.facebook.com/MinSanteCM/posts/1\",\"comment\":\"à l'heure\"}")
                .post(PATH + "/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedUrl", equalTo("https://www.facebook.com/MinSanteCM/posts/1"));
        action(CM, PATH + "/" + id + "/cancel", null).then().statusCode(409);
        read(VIEWER, PATH + "/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "SUBMITTED", "APPROVED", "PUBLISHED")));
        read(MINCOM_CM, PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void twoPublicationsOnOneChannelCloserThanTheGapComeBackWithAWarning() {
        UUID channel = officialAccount();
        String first = idFrom(post(CM, PATH, publication(channel, "2031-02-01T08:00:00Z", "Première")));
        given().header("Authorization", CM).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body(publication(channel, "2031-02-01T08:45:00Z", "Seconde")).post(PATH)
                .then().statusCode(201)
                .body("warnings", hasSize(1))
                .body("warnings[0].code", equalTo("CHANNEL_GAP"))
                .body("warnings[0].otherPublicationId", equalTo(first))
                .body("warnings[0].minutesApart", equalTo(45))
                .body("warnings[0].message", containsString("45 minutes"));
        // three hours apart, or on another channel: no warning
        post(CM, PATH, publication(channel, "2031-02-01T11:00:00Z", "Loin")).then().statusCode(201).body("warnings", empty());
        post(CM, PATH, publication(officialAccount(), "2031-02-01T08:30:00Z", "Autre canal")).then().statusCode(201)
                .body("warnings", empty());
        read(CM, PATH + "/" + first).then().body("warnings", hasSize(1));
        action(CM, PATH + "/" + first + "/cancel", "reportée").then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("warnings", empty());
    }

    @Test
    void theCalendarIsQueriedByWindowChannelAndStatus() {
        UUID channel = officialAccount();
        String inside = idFrom(post(CM, PATH, publication(channel, "2032-03-10T08:00:00Z", "Dedans")));
        String outside = idFrom(post(CM, PATH, publication(channel, "2032-05-10T08:00:00Z", "Dehors")));
        String otherChannel = idFrom(post(CM, PATH, publication(officialAccount(), "2032-03-11T08:00:00Z", "Ailleurs")));
        read(VIEWER, PATH + "?from=2032-03-01&to=2032-03-31").then().statusCode(200)
                .body("items.id", hasItem(inside)).body("items.id", hasItem(otherChannel)).body("items.id", not(hasItem(outside)));
        read(VIEWER, PATH + "?from=2032-03-01&to=2032-03-31&channel=" + channel).then().statusCode(200)
                .body("items.id", equalTo(List.of(inside)));
        read(VIEWER, PATH + "?from=2032-03-01&to=2032-03-31&status=APPROVED").then().statusCode(200).body("total", equalTo(0));
        read(VIEWER, PATH + "?from=2032-03-31&to=2032-03-01").then().statusCode(400).body("errors[0].field", equalTo("to"));
        read(VIEWER, PATH + "?from=hier").then().statusCode(400).body("errors[0].field", equalTo("from"));
        read(VIEWER, PATH + "?from=2032-01-01&to=2034-01-01").then().statusCode(400);
    }

    @Test
    void invalidPublicationsAnswer400Or422AndChangeNothing() {
        UUID channel = officialAccount();
        post(CM, PATH, """
                {"channelId":"%s","plannedAt":"2031-01-12T08:00:00Z","timeZone":"Mars/Olympus"}""".formatted(channel))
                .then().statusCode(400).body("errors.field", hasItem("timeZoneKnown")).body("errors.field", hasItem("contentGiven"));
        UUID unknown = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/accounts/official/" + unknown))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)));
        post(CM, PATH, publication(unknown, "2031-01-12T08:00:00Z", "x")).then().statusCode(422)
                .body("errors[0].field", equalTo("channelId"));
        String withPlan = publication(channel, "2031-01-12T08:00:00Z", "x").replace("\"media\"", "\"planId\":\"" + UUID.randomUUID() + "\",\"media\"");
        post(CM, PATH, withPlan).then().statusCode(422).body("errors[0].field", equalTo("planId"));
        post(VIEWER, PATH, publication(channel, "2031-01-12T08:00:00Z", "x")).then().statusCode(403);
    }

    @Test
    void theCalendarExportIsValidICalendarWithPublicationsAndRiskDates() throws Exception {
        UUID channel = officialAccount();
        String id = idFrom(post(CM, PATH, publication(channel, "2033-06-12T08:00:00Z",
                "Campagne HPV : affiche, vidéo et FAQ pour les parents, version longue qui dépasse soixante-quinze octets")));
        action(CM, PATH + "/" + id + "/submit", null).then().statusCode(200);
        action(APPROVER, PATH + "/" + id + "/approve", null).then().statusCode(200);
        String cancelled = idFrom(post(CM, PATH, publication(channel, "2033-06-13T08:00:00Z", "Annulée")));
        action(CM, PATH + "/" + cancelled + "/cancel", null).then().statusCode(200);
        String riskDate = idFrom(post(CM, "/api/plans/risk-dates", """
                {"name":"Résultats du BEPC","kind":"EXAM_RESULTS","startsOn":"2033-06-20","endsOn":"2033-06-21","notes":"Faux résultats, chaque année"}"""));
        post(CM, "/api/plans/risk-dates", """
                {"name":"Fête nationale","kind":"NATIONAL_DAY","startsOn":"2020-05-20","yearly":true}""").then().statusCode(201);

        var answer = read(VIEWER, "/api/plans/calendar.ics?from=2033-06-01&to=2033-06-30");
        answer.then().statusCode(200).contentType(containsString("text/calendar"));
        String ics = answer.asString();
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        Map<String, VEvent> byUid = events.stream().collect(Collectors.toMap(
                e -> e.getProperty(Property.UID).orElseThrow().getValue(), Function.identity()));
        VEvent publication = byUid.get(id + "@plans.vigie.cm");
        assertEquals("Campagne HPV : affiche, vidéo et FAQ pour les parents, version longue qui dépasse soixante-quinze octets",
                publication.getSummary().getValue());
        assertEquals(Instant.parse("2033-06-12T08:00:00Z"), Instant.from((Temporal) publication.getDateTimeStart().getDate()));
        assertEquals("CONFIRMED", publication.getProperty(Property.STATUS).orElseThrow().getValue());
        assertTrue(publication.getDescription().getValue().contains("gratuite; venez, avec vos enfants.\nMerci"));
        assertTrue(byUid.keySet().stream().noneMatch(uid -> uid.startsWith(cancelled)), "cancelled publications are left out");

        VEvent risk = byUid.get(riskDate + "-2033-06-20@plans.vigie.cm");
        assertEquals(LocalDate.of(2033, 6, 20), risk.getDateTimeStart().getDate());
        assertEquals(LocalDate.of(2033, 6, 22), risk.getDateTimeEnd().getDate());
        assertTrue(risk.getDescription().getValue().contains("prebunking"));
        List<VAlarm> alarms = risk.getAlarms();
        assertEquals(1, alarms.size());
        assertTrue(byUid.keySet().stream().noneMatch(uid -> uid.endsWith("-2033-05-20@plans.vigie.cm")), "May is outside the window");
        read(VIEWER, "/api/plans/calendar.ics?from=2033-05-01&to=2033-05-31").then().statusCode(200)
                .body(containsString("Fête nationale"));

        read(VIEWER, "/api/plans/risk-dates?from=2033-06-01&to=2033-06-30").then().statusCode(200)
                .body("name", hasItem("Résultats du BEPC"))
                .body("find { it.name == 'Résultats du BEPC' }.suggestion.countermeasureId", equalTo("C00125"))
                .body("find { it.name == 'Résultats du BEPC' }.suggestion.prepareBy", equalTo("2033-06-13"));
        // another institution's calendar has none of it
        String other = read(MINCOM_CM, "/api/plans/calendar.ics?from=2033-06-01&to=2033-06-30").asString();
        assertTrue(!other.contains(id) && !other.contains("BEPC"), other);
        // by channel
        String otherChannel = read(VIEWER, "/api/plans/calendar.ics?from=2033-06-01&to=2033-06-30&channel=" + UUID.randomUUID()).asString();
        assertTrue(!otherChannel.contains(id));
    }
}
