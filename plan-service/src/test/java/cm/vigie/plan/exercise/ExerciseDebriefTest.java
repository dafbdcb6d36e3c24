package cm.vigie.plan.exercise;

import static cm.vigie.plan.PlanTestSupport.ADMIN;
import static cm.vigie.plan.PlanTestSupport.APPROVER;
import static cm.vigie.plan.PlanTestSupport.CM;
import static cm.vigie.plan.PlanTestSupport.MINCOM_CM;
import static cm.vigie.plan.PlanTestSupport.VIEWER;
import static cm.vigie.plan.PlanTestSupport.action;
import static cm.vigie.plan.PlanTestSupport.post;
import static cm.vigie.plan.exercise.ExerciseStubs.HOAX;
import static cm.vigie.plan.exercise.ExerciseStubs.PATH;
import static cm.vigie.plan.exercise.ExerciseStubs.WATCHLIST;
import static cm.vigie.plan.exercise.ExerciseStubs.act;
import static cm.vigie.plan.exercise.ExerciseStubs.alert;
import static cm.vigie.plan.exercise.ExerciseStubs.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest // test resources: the global ones (PostgresTestResource, PlanTestResource, ...) declared by the other plan-service tests
class ExerciseDebriefTest {

    @BeforeEach
    void stubs() {
        ExerciseStubs.setupAndIngestion();
    }

    /**
     * At ×1 the scenario time is the wall time since the start, so alerts scripted at start + N seconds happen at
     * scenario time N seconds, and the team's actions taken during the test happen within the first seconds.
     */
    @Test
    void theDebriefScoresTimesDecisionMissedAlertsAndFalseAlarms() {
        var started = start(ADMIN, "drill-short", 1);
        started.then().statusCode(201);
        UUID id = UUID.fromString(started.path("id"));
        Instant t0 = Instant.parse(started.path("startedAt"));
        String prefix = "ex-" + id + "-";
        UUID noise = UUID.randomUUID();
        UUID hoax = UUID.randomUUID();
        UUID keyword = UUID.randomUUID();
        UUID spike = UUID.randomUUID();
        UUID reach = UUID.randomUUID();
        ExerciseStubs.alerts(id,
                alert(id, noise, "KEYWORD", WATCHLIST, null, null, t0.plusSeconds(130), null, prefix + "1-0"),
                alert(id, hoax, "HOAX", null, HOAX, null, t0.plusSeconds(150), t0.plusSeconds(200), prefix + "0-0", prefix + "2-0"),
                alert(id, keyword, "KEYWORD", WATCHLIST, null, null, t0.plusSeconds(180), null, prefix + "2-1", prefix + "2-2"),
                alert(id, spike, "SPIKE", WATCHLIST, null, null, t0.plusSeconds(200), null, prefix + "2-3"),
                alert(id, reach, "REACH", WATCHLIST, null, null, t0.plusSeconds(400), null, prefix + "0-0"));

        // the team: a response plan from the exercise's hoax alert (it takes the alert's exercise), approved, published
        var plan = post(CM, "/api/plans/responses", """
                {"alertId":"%s","title":"Coupure d'eau : démenti","threat":{"reach":25000,"velocity":120,"harm":"HIGH"},
                 "decision":"RESPOND","rationale":"Diffusion rapide","countermeasures":["C00119"],
                 "holdingStatement":{"fr":"Nous vérifions.","en":"We are checking."}}""".formatted(hoax));
        plan.then().statusCode(201).body("exerciseId", equalTo(id.toString()));
        String planId = plan.path("id");
        action(CM, "/api/plans/responses/" + planId + "/submit", null).then().statusCode(200);
        action(APPROVER, "/api/plans/responses/" + planId + "/approve", "ok").then().statusCode(200).body("status", equalTo("APPROVED"));
        action(CM, "/api/plans/responses/" + planId + "/publish", null).then().statusCode(200);
        given().header("Authorization", VIEWER).contentType(ContentType.JSON).body("{\"decision\":\"RESPOND\"}")
                .post(PATH + "/" + id + "/decision").then().statusCode(200);
        // a real plan naming the exercise, and one naming an unknown exercise
        UUID realHoax = cm.vigie.plan.WatchStubs.hoax();
        post(CM, "/api/plans/responses", "{\"hoaxId\":\"" + realHoax + "\",\"title\":\"x\",\"exerciseId\":\"" + UUID.randomUUID() + "\"}")
                .then().statusCode(422).body("errors[0].field", equalTo("exerciseId"));
        post(MINCOM_CM, "/api/plans/responses", "{\"hoaxId\":\"" + realHoax + "\",\"title\":\"x\",\"exerciseId\":\"" + id + "\"}")
                .then().statusCode(422);

        var debrief = given().header("Authorization", VIEWER).accept(ContentType.JSON).get(PATH + "/" + id + "/debrief");
        debrief.then().statusCode(200)
                .body("exerciseId", equalTo(id.toString()))
                .body("times.firstAlert.scenarioMs", equalTo(130_000))
                .body("times.firstAlert.scenario", equalTo("PT2M10S"))
                .body("times.firstAlert.wallMs", equalTo(130_000))
                .body("times.acknowledgement.scenarioMs", equalTo(200_000))
                .body("times.acknowledgement.deadline", equalTo("PT4M"))
                .body("times.acknowledgement.met", equalTo(true))
                .body("times.responsePlan.met", equalTo(true))
                .body("times.approval.met", equalTo(true))
                .body("times.publication.met", equalTo(true))
                .body("decision.expected", equalTo("RESPOND"))
                .body("decision.actual", equalTo("RESPOND"))
                .body("decision.source", equalTo("EXERCISE"))
                .body("decision.correct", equalTo(true))
                .body("expectedAlerts.outcome", equalTo(List.of("ON_TIME", "LATE", "MISSED", "ON_TIME")))
                .body("expectedAlerts[0].alertId", equalTo(hoax.toString()))
                .body("expectedAlerts[1].alertId", equalTo(keyword.toString()))
                .body("expectedAlerts[2].alertId", nullValue())
                .body("expectedAlerts[3].alertId", equalTo(reach.toString()))
                .body("missed", equalTo(1))
                .body("falseAlarms.alertId", equalTo(List.of(noise.toString(), spike.toString())))
                .body("falseAlarms.reason", equalTo(List.of("NOISE", "UNEXPECTED")))
                .body("score", equalTo(78))
                .body("timeline.alerts.size()", equalTo(5))
                .body("timeline.actions.kind", org.hamcrest.Matchers.hasItems("RESPONSE_PLAN", "APPROVED", "PUBLISHED", "DECISION"));
        long planAt = ((Number) debrief.path("times.responsePlan.scenarioMs")).longValue();
        assertTrue(planAt < 60_000, "the plan was drafted in the first seconds of scenario time: " + planAt);

        given().header("Authorization", MINCOM_CM).get(PATH + "/" + id + "/debrief").then().statusCode(404);

        // a wrong decision is scored as such
        given().header("Authorization", CM).contentType(ContentType.JSON).body("{\"decision\":\"DO_NOT_AMPLIFY\"}")
                .post(PATH + "/" + id + "/decision").then().statusCode(200);
        given().header("Authorization", VIEWER).get(PATH + "/" + id + "/debrief").then().statusCode(200)
                .body("decision.actual", equalTo("DO_NOT_AMPLIFY")).body("decision.correct", equalTo(false)).body("score", equalTo(67));

        act(ADMIN, id, "stop").then().statusCode(200);
        given().header("Authorization", ADMIN).delete(PATH + "/" + id).then().statusCode(204);
        given().header("Authorization", CM).get("/api/plans/responses/" + planId).then().statusCode(404);
    }

    @Test
    void withoutWatchServiceTheDebriefIsUnavailableNotWrong() {
        var started = start(ADMIN, "drill-short", 1);
        UUID id = UUID.fromString(started.path("id"));
        var down = PlanTestResource.stubs().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/watch/alerts"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)));
        try {
            given().header("Authorization", VIEWER).get(PATH + "/" + id + "/debrief").then().statusCode(503);
        } finally {
            PlanTestResource.stubs().removeStub(down);
            act(ADMIN, id, "stop").then().statusCode(200);
        }
    }

    /** Renders the HTML debrief in headless Chromium, on a phone-sized and a desktop-sized window, and looks for the chart. */
    static void checkPageInChromium(UUID id, String startedAt) throws Exception {
        Instant t0 = Instant.parse(startedAt);
        String prefix = "ex-" + id + "-";
        ExerciseStubs.alerts(id,
                alert(id, UUID.randomUUID(), "HOAX", null, HOAX, null, t0.plusSeconds(2), t0.plusSeconds(3), prefix + "0-0"),
                alert(id, UUID.randomUUID(), "REACH", WATCHLIST, null, null, t0.plusSeconds(7), null, prefix + "0-0"));
        var page = given().header("Authorization", VIEWER).header("Accept", "text/html").header("Accept-Language", "fr")
                .get(PATH + "/" + id + "/debrief");
        page.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"));
        String html = page.asString();
        assertTrue(html.contains("<meta name=\"viewport\""), "viewport meta for phones");
        assertTrue(html.contains("Débriefing"), "in French when asked");
        assertTrue(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"), "self-contained");

        HeadlessChromium.executable();
        Path dir = Files.createTempDirectory("debrief");
        Path file = dir.resolve("debrief.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        for (int width : new int[] { 390, 1200 }) {
            Path png = dir.resolve("shot-" + width + ".png");
            Files.write(png, HeadlessChromium.screenshot(file, width, 1400, dir));
            BufferedImage shot = ImageIO.read(png.toFile());
            assertEquals(width, shot.getWidth());
            int bars = count(shot, 0x1f6feb);
            int alerts = count(shot, 0xd1242f);
            int actions = count(shot, 0x1a7f37);
            // the legend swatches alone are 10×10 = 100 pixels each: the chart must add far more
            assertTrue(bars > 600, width + "px: volume bars drawn (" + bars + " pixels)");
            assertTrue(alerts > 160, width + "px: alert markers drawn (" + alerts + " pixels)");
            assertTrue(actions > 125, width + "px: team action markers drawn (" + actions + " pixels)");
            int[] box = box(shot, 0x1f6feb);
            assertTrue(box[2] - box[0] > width / 3, width + "px: the bars spread across the page width " + java.util.Arrays.toString(box));
            assertTrue(box[2] < width, "nothing drawn off screen");
        }
    }

    static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y), rgb)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** minX, minY, maxX, maxY of the pixels of this colour. */
    static int[] box(BufferedImage image, int rgb) {
        int[] box = { Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1 };
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y), rgb)) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }

    static boolean close(int pixel, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((pixel >> shift) & 0xff) - ((rgb >> shift) & 0xff)) > 10) {
                return false;
            }
        }
        return true;
    }

}
