package cm.vigie.accounts.suspect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class SuspectResourceTest {

    static final String CM = TestTokens.bearer("minsante", "cm", "community-manager");
    static final String ANALYST = TestTokens.bearer("minsante", "analyst", "analyst");
    static final String APPROVER = TestTokens.bearer("minsante", "approver", "approver");
    static final String VIEWER = TestTokens.bearer("minsante", "viewer", "viewer");
    static final String OTHER = TestTokens.bearer("mincom", "cm", "community-manager");
    static final String SHA = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    @BeforeEach
    void institutions() {
        AccountsTestSupport.ensureInstitution("minsante");
        AccountsTestSupport.ensureInstitution("mincom");
    }

    static String handle() {
        return "fake_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String open(String token, String platform, String handle) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body("""
                        {"platform":"%s","handle":"@%s","displayName":"Ministère de la Santé (officiel)","profileUrl":"https://www.facebook.com/%s"}"""
                        .formatted(platform, handle.toUpperCase(), handle))
                .post("/api/accounts/suspects")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("SUSPECTED")).body("handle", equalTo(handle)).body("slaDays", notNullValue())
                .extract().path("id");
    }

    static io.restassured.response.Response move(String token, String id, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/accounts/suspects/" + id + "/transitions");
    }

    @Test
    void aCaseGoesFromSuspectedToTakenDownAndEveryStepIsInTheHistory() {
        String id = open(ANALYST, "FACEBOOK", handle());
        move(CM, id, "{\"to\":\"CONFIRMED\",\"reason\":\"Same photo as the minister\"}").then().statusCode(200)
                .header("ETag", "\"1\"").body("status", equalTo("CONFIRMED"));
        move(CM, id, "{\"to\":\"REPORTED\",\"reportReference\":\"FB-IMP-1\",\"slaDays\":3}").then().statusCode(200)
                .body("status", equalTo("REPORTED")).body("reportReference", equalTo("FB-IMP-1"))
                .body("slaDays", equalTo(3)).body("reportedAt", notNullValue()).body("dueAt", notNullValue())
                .body("overdue", equalTo(false));
        move(CM, id, "{\"to\":\"TAKEN_DOWN\",\"outcome\":\"Page removed by Meta\"}").then().statusCode(200)
                .body("status", equalTo("TAKEN_DOWN")).body("outcome", equalTo("Page removed by Meta"))
                .body("closedAt", notNullValue());

        given().header("Authorization", VIEWER).get("/api/accounts/suspects/" + id + "/history").then().statusCode(200)
                .body("action", contains("SUSPECT_OPENED", "SUSPECT_TRANSITIONED", "SUSPECT_TRANSITIONED", "SUSPECT_TRANSITIONED"))
                .body("to", contains("SUSPECTED", "CONFIRMED", "REPORTED", "TAKEN_DOWN"))
                .body("[1].from", equalTo("SUSPECTED"))
                .body("[1].actor", equalTo("cm"))
                .body("[1].reason", equalTo("Same photo as the minister"))
                .body("[0].actor", equalTo("analyst"));
    }

    @Test
    void invalidMovesAnswer409AndChangeNothing() {
        String id = open(CM, "X", handle());
        move(CM, id, "{\"to\":\"TAKEN_DOWN\"}").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("SUSPECTED")).body("detail", containsString("TAKEN_DOWN"));
        move(CM, id, "{\"to\":\"REPORTED\"}").then().statusCode(409);
        move(CM, id, "{\"to\":\"SUSPECTED\"}").then().statusCode(409);
        move(CM, id, "{\"to\":\"FALSE_POSITIVE\",\"reason\":\"Declared fan page\"}").then().statusCode(200);
        move(CM, id, "{\"to\":\"CONFIRMED\"}").then().statusCode(409);
        given().header("Authorization", CM).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"to\":\"REPORTED\"}").post("/api/accounts/suspects/" + id + "/transitions")
                .then().statusCode(409).body("detail", containsString("ne peut pas passer"));
        given().header("Authorization", CM).get("/api/accounts/suspects/" + id).then()
                .body("status", equalTo("FALSE_POSITIVE")).header("ETag", "\"1\"");
        move(CM, id, "{\"to\":\"LOST\"}").then().statusCode(400).body("errors.field", hasItem("to"));
        move(CM, id, "{}").then().statusCode(400).body("errors.field", hasItem("to"));
    }

    @Test
    void aRejectedReportMayBeReportedAgainAndStaleETagsAreRefused() {
        String id = open(CM, "TIKTOK", handle());
        move(CM, id, "{\"to\":\"CONFIRMED\"}").then().statusCode(200);
        move(CM, id, "{\"to\":\"REPORTED\"}").then().statusCode(200);
        move(CM, id, "{\"to\":\"REJECTED_BY_PLATFORM\",\"outcome\":\"TikTok: no violation found\"}").then().statusCode(200)
                .body("outcome", equalTo("TikTok: no violation found")).body("closedAt", nullValue());
        given().header("Authorization", CM).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"to\":\"REPORTED\"}").post("/api/accounts/suspects/" + id + "/transitions").then().statusCode(412);
        given().header("Authorization", CM).header("If-Match", "\"3\"").contentType(ContentType.JSON)
                .body("{\"to\":\"REPORTED\",\"reportReference\":\"TT-APPEAL-7\"}").post("/api/accounts/suspects/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("REPORTED")).body("reportReference", equalTo("TT-APPEAL-7"));
    }

    @Test
    void overdueCasesAreFlaggedAndFiltered() {
        String late = open(CM, "YOUTUBE", handle());
        String onTime = open(CM, "YOUTUBE", handle());
        move(CM, late, "{\"to\":\"CONFIRMED\"}").then().statusCode(200);
        move(CM, late, "{\"to\":\"REPORTED\",\"slaDays\":2,\"reportedAt\":\"" + Instant.now().minus(3, ChronoUnit.DAYS) + "\"}")
                .then().statusCode(200).body("overdue", equalTo(true));
        move(CM, onTime, "{\"to\":\"CONFIRMED\"}").then().statusCode(200);
        move(CM, onTime, "{\"to\":\"REPORTED\",\"reportedAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .then().statusCode(400).body("errors.field", hasItem("reportedAt"));
        move(CM, onTime, "{\"to\":\"REPORTED\",\"slaDays\":7}").then().statusCode(200).body("overdue", equalTo(false));
        move(CM, onTime, "{\"to\":\"REPORTED\",\"reportedAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .then().statusCode(409);

        List<String> overdue = given().header("Authorization", VIEWER).queryParam("overdue", true).queryParam("size", 100)
                .get("/api/accounts/suspects").then().statusCode(200)
                .body("items.overdue", everyItem(equalTo(true))).body("items.status", everyItem(equalTo("REPORTED")))
                .extract().path("items.id");
        assertTrue(overdue.contains(late));
        assertTrue(!overdue.contains(onTime));
        given().header("Authorization", VIEWER).queryParam("overdue", false).queryParam("platform", "YOUTUBE").queryParam("size", 100)
                .get("/api/accounts/suspects").then().statusCode(200)
                .body("items.id", hasItem(onTime)).body("items.id", not(hasItem(late)))
                .body("items.platform", everyItem(equalTo("YOUTUBE")));

        // lengthening the SLA of a reported case moves its due date
        String etag = given().header("Authorization", CM).get("/api/accounts/suspects/" + late).then().extract().header("ETag");
        given().header("Authorization", CM).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"slaDays\":30,\"reportReference\":\"YT-55\"}").put("/api/accounts/suspects/" + late)
                .then().statusCode(200).body("overdue", equalTo(false)).body("slaDays", equalTo(30))
                .body("reportReference", equalTo("YT-55"));
    }

    @Test
    void listsFilterByStatusAndPerson() {
        String person = given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Paul Atanga Nji\"}").post("/api/accounts/persons").then().statusCode(201).extract().path("id");
        String handle = handle();
        String id = given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"handle\":\"" + handle + "\",\"personId\":\"" + person + "\"}")
                .post("/api/accounts/suspects").then().statusCode(201).body("personId", equalTo(person)).extract().path("id");
        given().header("Authorization", CM).queryParam("personId", person).get("/api/accounts/suspects")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().header("Authorization", CM).queryParam("status", "SUSPECTED").queryParam("size", 100).get("/api/accounts/suspects")
                .then().statusCode(200).body("items.status", everyItem(equalTo("SUSPECTED")));
        given().header("Authorization", CM).queryParam("status", "GONE").get("/api/accounts/suspects").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().header("Authorization", CM).queryParam("personId", "not-a-uuid").queryParam("overdue", "maybe")
                .get("/api/accounts/suspects").then().statusCode(400);
        given().header("Authorization", CM).queryParam("sort", "dueAt,asc").get("/api/accounts/suspects").then().statusCode(200);

        // deleting the person unlinks its cases
        given().header("Authorization", CM).delete("/api/accounts/persons/" + person).then().statusCode(204);
        given().header("Authorization", CM).get("/api/accounts/suspects/" + id).then().statusCode(200).body("personId", nullValue());
    }

    @Test
    void oneCasePerPlatformAndHandleAndPersonsOfOtherInstitutionsAreUnknown() {
        String handle = handle();
        open(CM, "INSTAGRAM", handle);
        given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"platform\":\"INSTAGRAM\",\"handle\":\"" + handle.toUpperCase() + "\"}")
                .post("/api/accounts/suspects").then().statusCode(409).contentType("application/problem+json");
        // another institution has its own case for the same account
        open(OTHER, "INSTAGRAM", handle);

        String foreignPerson = given().header("Authorization", OTHER).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Someone else\"}").post("/api/accounts/persons").then().statusCode(201).extract().path("id");
        given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"handle\":\"" + handle() + "\",\"personId\":\"" + foreignPerson + "\"}")
                .post("/api/accounts/suspects").then().statusCode(400).body("errors.field", hasItem("personId"));
    }

    @Test
    void evidenceIsAppendedWithItsAuthorAndValidated() {
        String id = open(CM, "FACEBOOK", handle());
        String captured = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        given().header("Authorization", ANALYST).contentType(ContentType.JSON)
                .body("{\"url\":\"https://www.facebook.com/x/posts/1\",\"sha256\":\"" + SHA + "\",\"note\":\"Asks for money\",\"capturedAt\":\"" + captured + "\"}")
                .post("/api/accounts/suspects/" + id + "/evidence")
                .then().statusCode(201).body("sha256", equalTo(SHA.toLowerCase())).body("capturedBy", equalTo("analyst"))
                .body("capturedAt", equalTo(captured));
        given().header("Authorization", ANALYST).contentType(ContentType.JSON)
                .body("{\"url\":\"javascript:alert(1)\",\"sha256\":\"abc\",\"capturedAt\":\"" + captured + "\"}")
                .post("/api/accounts/suspects/" + id + "/evidence")
                .then().statusCode(400).body("errors.field", hasItem("url")).body("errors.field", hasItem("sha256"));
        given().header("Authorization", ANALYST).contentType(ContentType.JSON)
                .body("{\"url\":\"https://x.com/a\",\"sha256\":\"" + SHA + "\",\"capturedAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/api/accounts/suspects/" + id + "/evidence")
                .then().statusCode(400).body("errors.field", hasItem("capturedAt"));
        given().header("Authorization", APPROVER).contentType(ContentType.JSON)
                .body("{\"url\":\"https://x.com/a\",\"sha256\":\"" + SHA + "\",\"capturedAt\":\"" + captured + "\"}")
                .post("/api/accounts/suspects/" + id + "/evidence").then().statusCode(403);

        given().header("Authorization", VIEWER).get("/api/accounts/suspects/" + id + "/evidence")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].note", equalTo("Asks for money"));
        given().header("Authorization", VIEWER).get("/api/accounts/suspects/" + id + "/history")
                .then().body("action", hasItem("SUSPECT_EVIDENCE_ADDED"));
    }

    @Test
    void theDossierIsACsvOfTheCaseItsEvidenceAndItsHistory() {
        String handle = handle();
        String id = open(CM, "FACEBOOK", handle);
        given().header("Authorization", CM).contentType(ContentType.JSON)
                .body("{\"url\":\"https://www.facebook.com/x/posts/1\",\"sha256\":\"" + SHA + "\",\"note\":\"=HYPERLINK(\\\"http://evil\\\"), pay now\",\"capturedAt\":\"2026-11-01T10:00:00Z\"}")
                .post("/api/accounts/suspects/" + id + "/evidence").then().statusCode(201);
        move(CM, id, "{\"to\":\"CONFIRMED\",\"reason\":\"Same photo, \\\"officiel\\\" suffix\"}").then().statusCode(200);

        var response = given().header("Authorization", VIEWER).get("/api/accounts/suspects/" + id + "/dossier.csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"dossier-facebook-" + id + ".csv\""))
                .extract();
        String[] lines = response.asString().split("\r\n");
        assertEquals("section,field,value,at,by,detail", lines[0]);
        List<String> all = List.of(lines);
        assertTrue(all.contains("CASE,handle," + handle + ",,,"), String.join("\n", all));
        assertTrue(all.contains("CASE,status,CONFIRMED,,,"));
        assertTrue(all.contains("EVIDENCE," + SHA.toLowerCase() + ",https://www.facebook.com/x/posts/1,2026-11-01T10:00:00Z,cm,"
                + "\"'=HYPERLINK(\"\"http://evil\"\"), pay now\""), String.join("\n", all));
        assertTrue(all.stream().anyMatch(l -> l.startsWith("HISTORY,SUSPECT_TRANSITIONED,SUSPECTED -> CONFIRMED,")
                && l.endsWith(",cm,\"Same photo, \"\"officiel\"\" suffix\"")), String.join("\n", all));

        given().header("Authorization", OTHER).get("/api/accounts/suspects/" + id + "/dossier.csv")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anotherInstitutionGetsThe404OfAMissingCaseEverywhere() {
        String id = open(CM, "TELEGRAM", handle());
        String missing = given().header("Authorization", OTHER).get("/api/accounts/suspects/" + UUID.randomUUID())
                .then().statusCode(404).extract().path("detail");
        given().header("Authorization", OTHER).get("/api/accounts/suspects/" + id).then().statusCode(404).body("detail", equalTo(missing));
        given().header("Authorization", OTHER).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{}")
                .put("/api/accounts/suspects/" + id).then().statusCode(404);
        move(OTHER, id, "{\"to\":\"CONFIRMED\"}").then().statusCode(404);
        given().header("Authorization", OTHER).contentType(ContentType.JSON)
                .body("{\"url\":\"https://x.com/a\",\"sha256\":\"" + SHA + "\",\"capturedAt\":\"2026-11-01T10:00:00Z\"}")
                .post("/api/accounts/suspects/" + id + "/evidence").then().statusCode(404);
        given().header("Authorization", OTHER).get("/api/accounts/suspects/" + id + "/evidence").then().statusCode(404);
        given().header("Authorization", OTHER).get("/api/accounts/suspects/" + id + "/history").then().statusCode(404);
        given().header("Authorization", OTHER).queryParam("size", 100).get("/api/accounts/suspects")
                .then().body("items.id", not(hasItem(id)));
        given().header("Authorization", CM).get("/api/accounts/suspects/" + id).then().statusCode(200).body("status", equalTo("SUSPECTED"));
    }

    @Test
    void rolesThatMayNotActGet403() {
        String id = open(CM, "LINKEDIN", handle());
        for (String token : new String[] { ANALYST, APPROVER, VIEWER }) {
            move(token, id, "{\"to\":\"CONFIRMED\"}").then().statusCode(403);
            given().header("Authorization", token).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{}")
                    .put("/api/accounts/suspects/" + id).then().statusCode(403);
        }
        for (String token : new String[] { APPROVER, VIEWER }) {
            given().header("Authorization", token).contentType(ContentType.JSON).body("{\"platform\":\"X\",\"handle\":\"abc\"}")
                    .post("/api/accounts/suspects").then().statusCode(403);
        }
        given().header("Authorization", TestTokens.bearer("platform", "operator", "platform-admin"))
                .get("/api/accounts/suspects/" + id).then().statusCode(403);
        given().get("/api/accounts/suspects/" + id).then().statusCode(401);
        given().header("Authorization", CM).get("/api/accounts/suspects/" + id).then().body("status", equalTo("SUSPECTED"));
    }
}
