package cm.vigie.watch.mention;

import static cm.vigie.watch.WatchTestSupport.ANALYST;
import static cm.vigie.watch.WatchTestSupport.CM;
import static cm.vigie.watch.WatchTestSupport.OTHER_CM;
import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static cm.vigie.watch.WatchTestSupport.mention;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class MentionIngestionTest {

    @Inject
    MentionIngestion ingestion;

    @Test
    void aBadItemIsRejectedAloneAndTheOthersAreStored() {
        String good = UUID.randomUUID().toString();
        as(CM).header("Accept-Language", "fr")
                .body(batch(mention(good, "Le nouvel hôpital de Garoua ouvre lundi", "paul_cm"),
                        "{\"platform\":\"MYSPACE\",\"externalId\":\"x1\",\"text\":\"t\",\"publishedAt\":\"2026-01-01T00:00:00Z\"}",
                        "{\"platform\":\"X\",\"externalId\":\"x2\",\"text\":\"t\",\"publishedAt\":\"not a date\"}",
                        "{\"platform\":\"X\",\"externalId\":\"x3\",\"text\":\"\"}"))
                .post("/api/watch/mentions/batch")
                .then().statusCode(202)
                .body("accepted", is(1)).body("duplicates", is(0))
                .body("rejected.index", contains(1, 2, 3))
                .body("rejected[0].errors[0].field", is("platform"))
                .body("rejected[0].errors[0].message", containsString("plateforme inconnue"))
                .body("rejected[1].errors[0].field", is("publishedAt"))
                .body("rejected[2].errors.field", contains("text", "publishedAt"));

        String id = as(CM).queryParam("q", "hopital").get("/api/watch/mentions")
                .then().statusCode(200).body("total", is(1))
                .body("items[0].externalId", is(good))
                .body("items[0].language", is("fr")).body("items[0].languageDetected", is(true))
                .body("items[0].matchedWatchlists", empty()).body("items[0].hoaxMatches", empty())
                .body("items[0].status", is("NEW"))
                .extract().path("items[0].id");
        as(ANALYST).get("/api/watch/mentions/" + id).then().statusCode(200).body("author.handle", is("paul_cm"));
    }

    @Test
    void aRepeatUpdatesMetricsAndCountsAsADuplicate() {
        String externalId = UUID.randomUUID().toString();
        String first = mention(externalId, "Grève des enseignants à Bamenda", "teacher_1");
        as(CM).body(batch(first)).post("/api/watch/mentions/batch").then().statusCode(202).body("accepted", is(1));
        String again = first.replace("\"likes\":3", "\"likes\":300");
        as(CM).body(batch(again, again)).post("/api/watch/mentions/batch")
                .then().statusCode(202).body("accepted", is(0)).body("duplicates", is(2));
        as(CM).queryParam("q", "enseignants Bamenda").get("/api/watch/mentions")
                .then().body("total", is(1)).body("items[0].metrics.likes", is(300));
    }

    @Test
    void aRetriedBatchWithTheSameIdempotencyKeyAnswersTheFirstAnswer() {
        String key = "batch-" + UUID.randomUUID();
        String body = batch(mention(null, "Coupure d'eau annoncée à Yaoundé", "camwater_fan"), "{\"platform\":\"X\"}");
        as(CM).header("Idempotency-Key", key).body(body).post("/api/watch/mentions/batch")
                .then().statusCode(202).body("accepted", is(1)).body("rejected", hasSize(1));
        as(CM).header("Idempotency-Key", key).body(body).post("/api/watch/mentions/batch")
                .then().statusCode(202).body("accepted", is(1)).body("duplicates", is(0)).body("rejected", hasSize(1));
        as(CM).queryParam("author", "@Camwater_Fan").get("/api/watch/mentions").then().body("total", is(1));
        as(CM).header("Idempotency-Key", key).body(batch(mention(null, "autre chose", "x")))
                .post("/api/watch/mentions/batch").then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void batchesThatAreNotBatchesAreRefusedWholeAndStoreNothing() {
        as(CM).body("not json").post("/api/watch/mentions/batch").then().statusCode(400)
                .contentType("application/problem+json");
        as(CM).body("{\"items\":[]}").post("/api/watch/mentions/batch").then().statusCode(400)
                .body("errors[0].field", is("mentions"));
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(mention(null, "trop " + i, "bulk"));
        }
        as(CM).body(batch(items.toArray(String[]::new))).post("/api/watch/mentions/batch").then().statusCode(400);
        as(CM).queryParam("author", "bulk").get("/api/watch/mentions").then().body("total", is(0));
        String huge = "x".repeat(5 * 1024 * 1024 + 10);
        as(CM).body(batch(mention(null, huge, "huge"))).post("/api/watch/mentions/batch").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void anotherInstitutionSeesNothing() {
        String externalId = UUID.randomUUID().toString();
        as(CM).body(batch(mention(externalId, "Rumeur sur le ministre de la santé", "rumeur_237")))
                .post("/api/watch/mentions/batch").then().statusCode(202);
        String id = as(CM).queryParam("author", "rumeur_237").get("/api/watch/mentions").then().extract().path("items[0].id");
        as(OTHER_CM).get("/api/watch/mentions/" + id).then().statusCode(404);
        as(OTHER_CM).queryParam("author", "rumeur_237").get("/api/watch/mentions").then().body("total", is(0));
        // the same external id in another institution is another mention
        as(OTHER_CM).body(batch(mention(externalId, "Rumeur sur le ministre de la santé", "rumeur_237")))
                .post("/api/watch/mentions/batch").then().statusCode(202).body("accepted", is(1));
        as(OTHER_CM).body("{\"ids\":[\"" + id + "\"],\"triage\":{\"status\":\"DISMISSED\"}}")
                .post("/api/watch/mentions/triage").then().statusCode(200).body("updated", is(0));
        as(CM).get("/api/watch/mentions/" + id).then().body("status", is("NEW"));
    }

    @Test
    void triageSingleAndBulk() {
        as(CM).body(batch(mention(null, "Panne d'électricité à Douala", "eneo_watch"),
                mention(null, "Encore une panne d'électricité", "eneo_watch"))).post("/api/watch/mentions/batch")
                .then().statusCode(202).body("accepted", is(2));
        List<String> ids = as(CM).queryParam("author", "eneo_watch").get("/api/watch/mentions").then().extract().path("items.id");
        as(ANALYST).body("{\"status\":\"ESCALATED\",\"assignee\":\"cm\",\"note\":\"à traiter\"}")
                .post("/api/watch/mentions/" + ids.get(0) + "/triage")
                .then().statusCode(200).body("status", is("ESCALATED")).body("assignee", is("cm"))
                .body("triagedBy", is("analyst"));
        as(CM).body("{\"status\":\"BOGUS\"}").post("/api/watch/mentions/" + ids.get(0) + "/triage").then().statusCode(400);
        as(CM).body("{}").post("/api/watch/mentions/" + ids.get(0) + "/triage").then().statusCode(400);
        String missing = UUID.randomUUID().toString();
        as(CM).body("{\"ids\":[\"" + ids.get(0) + "\",\"" + ids.get(1) + "\",\"" + missing + "\"],\"triage\":{\"status\":\"REVIEWED\"}}")
                .post("/api/watch/mentions/triage")
                .then().statusCode(200).body("updated", is(2)).body("notFound", contains(missing));
        as(CM).queryParam("author", "eneo_watch").queryParam("status", "REVIEWED").get("/api/watch/mentions")
                .then().body("total", is(2)).body("items.assignee", contains("cm", null));
        as(CM).queryParam("assignee", "cm").queryParam("author", "eneo_watch").get("/api/watch/mentions").then().body("total", is(1));
    }

    @Test
    void searchFiltersSortsAndPages() {
        Instant old = Instant.parse("2025-01-10T10:00:00Z");
        as(CM).body(batch(
                mention(null, "The hospital in Limbe has no water", "limbe_news").replace("\"likes\":3", "\"likes\":90"),
                "{\"platform\":\"X\",\"externalId\":\"" + UUID.randomUUID() + "\",\"author\":{\"handle\":\"limbe_news\"},\"text\":\"Limbe hospital #water crisis\",\"language\":\"en\",\"publishedAt\":\"" + old + "\"}"))
                .post("/api/watch/mentions/batch").then().statusCode(202).body("accepted", is(2));
        as(CM).queryParam("author", "limbe_news").queryParam("sort", "likes,desc").get("/api/watch/mentions")
                .then().body("items.metrics.likes", contains(90, 0));
        as(CM).queryParam("author", "limbe_news").queryParam("platform", "X").get("/api/watch/mentions")
                .then().body("total", is(1)).body("items[0].hashtags", contains("water"));
        as(CM).queryParam("author", "limbe_news").queryParam("to", "2025-02-01T00:00:00Z").get("/api/watch/mentions")
                .then().body("total", is(1));
        as(CM).queryParam("author", "limbe_news").queryParam("q", "hospitals").get("/api/watch/mentions")
                .then().body("total", is(2));
        as(CM).queryParam("author", "limbe_news").queryParam("size", 1).queryParam("page", 1).get("/api/watch/mentions")
                .then().body("items", hasSize(1)).body("total", is(2)).body("page", is(1));
        as(CM).queryParam("sort", "text,asc").get("/api/watch/mentions").then().statusCode(400);
        as(CM).queryParam("from", "2026-01-02T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z").get("/api/watch/mentions")
                .then().statusCode(400);
    }

    @Test
    void connectorsIngestThroughTheBeanWithTheirInstitution() {
        String externalId = UUID.randomUUID().toString();
        IngestResult result = ingestion.ingest("minsante", List.of(
                new MentionInput("RSS", externalId, "https://www.crtv.cm/article", new MentionInput.Author("crtv", "CRTV", null, null),
                        "Vaccination campaign starts in the North", null, Instant.now(), null, null),
                new MentionInput("RSS", null, null, null, "no id", null, Instant.now(), null, null)));
        assertEquals(1, result.accepted());
        assertEquals(1, result.rejected().size());
        assertEquals("externalId", result.rejected().get(0).errors().get(0).field());
        as(CM).queryParam("platform", "RSS").queryParam("author", "crtv").get("/api/watch/mentions")
                .then().body("total", is(1)).body("items[0].language", equalTo("en"));
        as(OTHER_CM).queryParam("platform", "RSS").queryParam("author", "crtv").get("/api/watch/mentions").then().body("total", is(0));
    }
}
