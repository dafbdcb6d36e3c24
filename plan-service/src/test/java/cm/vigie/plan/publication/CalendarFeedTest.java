package cm.vigie.plan.publication;

import static cm.vigie.plan.PlanTestSupport.ADMIN;
import static cm.vigie.plan.PlanTestSupport.CM;
import static cm.vigie.plan.PlanTestSupport.MINCOM_CM;
import static cm.vigie.plan.PlanTestSupport.VIEWER;
import static cm.vigie.plan.PlanTestSupport.idFrom;
import static cm.vigie.plan.PlanTestSupport.officialAccount;
import static cm.vigie.plan.PlanTestSupport.post;
import static cm.vigie.plan.PlanTestSupport.read;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** Subscribing from a calendar program: a secret link, no bearer token, revocable. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class CalendarFeedTest {

    static final String FEEDS = "/api/plans/calendar/feeds";

    static String pathOf(String url) {
        return URI.create(url).getRawPath();
    }

    @Test
    void aSecretLinkServesTheInstitutionsCalendarWithoutAToken() throws Exception {
        UUID channel = officialAccount();
        String mine = idFrom(post(CM, PublicationCalendarTest.PATH,
                PublicationCalendarTest.publication(channel, "2034-02-03T08:00:00Z", "Abonnement")));
        String theirs = idFrom(post(MINCOM_CM, PublicationCalendarTest.PATH,
                PublicationCalendarTest.publication(officialAccount(), "2034-02-03T09:00:00Z", "Autre institution")));

        var created = post(VIEWER, FEEDS, "{}");
        created.then().statusCode(201).body("url", containsString("/api/plans/calendar/feeds/"))
                .body("owner", org.hamcrest.Matchers.equalTo("viewer"));
        String feed = pathOf(created.path("url"));
        String feedId = idFrom(created);

        var answer = given().get(feed + "?from=2034-02-01&to=2034-02-28");
        answer.then().statusCode(200).contentType(containsString("text/calendar"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(answer.asString()));
        calendar.validate();
        List<String> uids = calendar.<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.getUid().orElseThrow().getValue()).toList();
        assertTrue(uids.contains(mine + "@plans.vigie.cm"), uids.toString());
        assertTrue(uids.stream().noneMatch(uid -> uid.startsWith(theirs)), uids.toString());

        read(VIEWER, FEEDS).then().statusCode(200).body("id", hasItem(feedId)).body("url", hasItem(nullValue()));
        read(CM, FEEDS).then().statusCode(200).body("id", not(hasItem(feedId)));
        given().header("Authorization", CM).delete(FEEDS + "/" + feedId).then().statusCode(403);
        given().header("Authorization", MINCOM_CM).delete(FEEDS + "/" + feedId).then().statusCode(404);
        given().header("Authorization", ADMIN).delete(FEEDS + "/" + feedId).then().statusCode(204);
        given().get(feed).then().statusCode(404).contentType("application/problem+json");
        given().get(FEEDS + "/not-a-secret.ics").then().statusCode(404);
    }

    @Test
    void aFeedCanBeLimitedToOneChannel() throws Exception {
        UUID channel = officialAccount();
        String on = idFrom(post(CM, PublicationCalendarTest.PATH, PublicationCalendarTest.publication(channel, "2034-03-03T08:00:00Z", "Sur le canal")));
        String off = idFrom(post(CM, PublicationCalendarTest.PATH, PublicationCalendarTest.publication(officialAccount(), "2034-03-03T10:00:00Z", "Ailleurs")));
        String feed = pathOf(post(CM, FEEDS, "{\"channel\":\"" + channel + "\"}").then().statusCode(201).extract().path("url"));
        String ics = given().get(feed + "?from=2034-03-01&to=2034-03-31").then().statusCode(200).extract().asString();
        assertTrue(ics.contains(on) && !ics.contains(off), ics);
        assertEquals(1, ics.split("BEGIN:VEVENT").length - 1);
    }
}
