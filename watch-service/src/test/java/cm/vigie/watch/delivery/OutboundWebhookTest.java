package cm.vigie.watch.delivery;

import static cm.vigie.watch.WatchTestSupport.CM;
import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static cm.vigie.watch.WatchTestSupport.mention;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.watch.StallingServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Outbound webhooks: a total deadline per attempt, one stuck target never holds the others, exercise alerts kept apart. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class OutboundWebhookTest {

    private static String webhook(String url, boolean exercise) {
        return as(AlertDeliveryTest.ADMIN).body("{\"url\":\"" + url + "\",\"secret\":\"s3cret-" + UUID.randomUUID()
                + "\",\"eventTypes\":[\"ALERT_CREATED\"],\"exercise\":" + exercise + "}")
                .post("/api/watch/webhooks").then().statusCode(201).body("exercise", is(exercise)).extract().path("id");
    }

    private static String watchlist(String word) {
        return as(CM).body("{\"name\":\"Sortant " + word + "\",\"query\":\"" + word + "\",\"severity\":\"HIGH\"}")
                .post("/api/watch/watchlists").then().statusCode(201).extract().path("id");
    }

    private static String word() {
        return "sortant" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void aTargetThatStallsAfterItsHeadersIsCutAtTheDeadlineWhileAnotherIsServedAtOnce() throws Exception {
        try (StallingServer stalling = new StallingServer("text/plain", "ok");
                WebhookReceiver receiver = new WebhookReceiver()) {
            String stuck = webhook(stalling.url("/stuck"), false);
            String healthy = webhook(receiver.url("/healthy"), false);
            try {
                String word = word();
                watchlist(word);
                long start = System.nanoTime();
                as(CM).body(batch(mention(null, "Alerte " + word, "author_1"))).post("/api/watch/mentions/batch")
                        .then().statusCode(202);
                WebhookReceiver.Received delivered = receiver.received.poll(10, TimeUnit.SECONDS);
                long healthyMs = (System.nanoTime() - start) / 1_000_000;
                assertNotNull(delivered, "the healthy target is called");
                assertEquals(0, stalling.closedByPeer.get(), "the healthy target is served while the stuck one stalls");

                // the stuck target is cut off at the total deadline (PT2S in tests), not left waiting
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                String lastError = null;
                while (System.nanoTime() < deadline) {
                    lastError = as(AlertDeliveryTest.ADMIN).get("/api/watch/webhooks/" + stuck + "/deliveries").then()
                            .statusCode(200).extract().path("items[0].lastError");
                    if (lastError != null) {
                        break;
                    }
                    Thread.sleep(200);
                }
                assertEquals("no complete answer within 2000 ms", lastError);
                assertTrue(stalling.accepted.get() >= 1);
                System.out.printf("healthy target served after %d ms; stuck target cut: %s%n", healthyMs, lastError);

                // and while the stuck one is retried, the healthy one still gets the next alert at once
                String second = word();
                watchlist(second);
                as(CM).body(batch(mention(null, "Alerte " + second, "author_2"))).post("/api/watch/mentions/batch")
                        .then().statusCode(202);
                assertNotNull(receiver.received.poll(5, TimeUnit.SECONDS), "the next alert reaches the healthy target");
            } finally {
                as(AlertDeliveryTest.ADMIN).delete("/api/watch/webhooks/" + stuck).then().statusCode(204);
                as(AlertDeliveryTest.ADMIN).delete("/api/watch/webhooks/" + healthy).then().statusCode(204);
            }
        }
    }

    @Test
    void exerciseAlertsReachOnlyExerciseWebhooksAndSaySo() throws Exception {
        try (WebhookReceiver real = new WebhookReceiver(); WebhookReceiver drill = new WebhookReceiver()) {
            String realHook = webhook(real.url("/real"), false);
            String drillHook = webhook(drill.url("/drill"), true);
            try {
                String word = word();
                watchlist(word);
                UUID exercise = UUID.randomUUID();
                as(CM).body("{\"exerciseId\":\"" + exercise + "\",\"mentions\":["
                        + mention(null, "Exercice " + word, "exercise_actor") + "]}")
                        .post("/api/watch/mentions/batch").then().statusCode(202).body("accepted", is(1));
                WebhookReceiver.Received toDrill = drill.received.poll(10, TimeUnit.SECONDS);
                assertNotNull(toDrill, "the exercise destination receives the exercise alert");
                JsonPath posted = JsonPath.from(new String(toDrill.body(), StandardCharsets.UTF_8));
                assertTrue(posted.getBoolean("exercise"));
                assertTrue(posted.getBoolean("alert.exercise"));
                assertEquals(exercise.toString(), posted.getString("alert.exerciseId"));
                assertNull(real.received.poll(3, TimeUnit.SECONDS), "an exercise alert never reaches a real webhook");

                as(CM).body(batch(mention(null, "Vrai " + word, "real_author"))).post("/api/watch/mentions/batch")
                        .then().statusCode(202);
                WebhookReceiver.Received toReal = real.received.poll(10, TimeUnit.SECONDS);
                assertNotNull(toReal, "the real webhook receives the real alert");
                JsonPath realPosted = JsonPath.from(new String(toReal.body(), StandardCharsets.UTF_8));
                assertEquals(false, realPosted.getBoolean("exercise"));
                assertEquals(false, realPosted.getBoolean("alert.exercise"));
                assertNull(drill.received.poll(2, TimeUnit.SECONDS), "a real alert is not sent to the exercise destination");
            } finally {
                as(AlertDeliveryTest.ADMIN).delete("/api/watch/webhooks/" + realHook).then().statusCode(204);
                as(AlertDeliveryTest.ADMIN).delete("/api/watch/webhooks/" + drillHook).then().statusCode(204);
            }
        }
    }
}
