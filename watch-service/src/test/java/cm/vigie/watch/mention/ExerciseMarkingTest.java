package cm.vigie.watch.mention;

import static cm.vigie.watch.WatchTestSupport.CM;
import static cm.vigie.watch.WatchTestSupport.OTHER_CM;
import static cm.vigie.watch.WatchTestSupport.VIEWER;
import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static cm.vigie.watch.WatchTestSupport.mention;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Exercise data is marked from the batch to its mentions and alerts, and never mixes with real alerts. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class ExerciseMarkingTest {

    static final String INTERNAL = "/internal/watch/mentions/batch";

    static RequestSpecification internal(String key, String institution) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        if (key != null) {
            request.header("X-Vigie-Service-Key", key);
        }
        if (institution != null) {
            request.header("X-Vigie-Institution", institution);
        }
        return request;
    }

    static String word() {
        return "mot" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String watchlist(String query, String rules, UUID exerciseId) {
        return as(CM).body("{\"name\":\"Exercice " + query + "\",\"query\":\"" + query + "\",\"severity\":\"HIGH\""
                + (rules == null ? "" : ",\"alertRules\":" + rules)
                + (exerciseId == null ? "" : ",\"exerciseId\":\"" + exerciseId + "\"") + "}")
                .post("/api/watch/watchlists").then().statusCode(201).extract().path("id");
    }

    static String exerciseBatch(UUID exerciseId, String... items) {
        return "{\"exerciseId\":\"" + exerciseId + "\",\"mentions\":[" + String.join(",", items) + "]}";
    }

    @Test
    void theInternalBatchNeedsTheServiceKeyAndActsForTheNamedInstitution() {
        String word = word();
        String body = batch(mention(null, "Rumeur " + word + " au marché", "relay_1"));
        internal(null, "minsante").body(body).post(INTERNAL).then().statusCode(401)
                .contentType("application/problem+json");
        internal("wrong-key", "minsante").body(body).post(INTERNAL).then().statusCode(401);
        internal(TestIdentityProvider.SERVICE_KEY, null).body(body).post(INTERNAL).then().statusCode(400)
                .body("errors[0].field", is("X-Vigie-Institution"));
        internal(TestIdentityProvider.SERVICE_KEY, "Not A Realm!").body(body).post(INTERNAL).then().statusCode(400);
        // a user token is not a service key
        given().header("Authorization", CM).header("X-Vigie-Institution", "minsante").contentType(ContentType.JSON)
                .body(body).post(INTERNAL).then().statusCode(401);
        as(CM).queryParam("q", word).get("/api/watch/mentions").then().body("total", is(0));

        UUID exercise = UUID.randomUUID();
        internal(TestIdentityProvider.SERVICE_KEY, "minsante")
                .body(exerciseBatch(exercise, mention(null, "Rumeur " + word + " au marché", "relay_1"),
                        "{\"platform\":\"X\",\"externalId\":\"bad\",\"text\":\"\"}"))
                .post(INTERNAL).then().statusCode(202)
                .body("accepted", is(1)).body("duplicates", is(0)).body("rejected[0].index", is(1));
        as(VIEWER).queryParam("q", word).get("/api/watch/mentions").then().statusCode(200).body("total", is(1))
                .body("items[0].exerciseId", is(exercise.toString()))
                .body("items[0]", hasKey("sentiment"));
        as(OTHER_CM).queryParam("q", word).get("/api/watch/mentions").then().body("total", is(0));
    }

    @Test
    void exerciseAlertsNeverGroupWithRealOnesAndCanBeListedAlone() {
        String word = word();
        String watchlistId = watchlist(word, null, null);
        UUID exercise = UUID.randomUUID();
        as(CM).body(batch(mention(null, "Vrai message " + word, "real_author"))).post("/api/watch/mentions/batch")
                .then().statusCode(202).body("accepted", is(1));
        as(CM).body(exerciseBatch(exercise, mention(null, "Message d'exercice " + word, "exercise_actor"),
                mention(null, "Encore l'exercice " + word, "exercise_actor"))).post("/api/watch/mentions/batch")
                .then().statusCode(202).body("accepted", is(2));

        as(VIEWER).queryParam("watchlistId", watchlistId).queryParam("ruleType", "KEYWORD").get("/api/watch/alerts")
                .then().statusCode(200).body("total", is(2))
                .body("items.exerciseId", containsInAnyOrder(null, exercise.toString()))
                .body("items.mentionCount", containsInAnyOrder(1, 2));
        as(VIEWER).queryParam("watchlistId", watchlistId).queryParam("exerciseId", exercise.toString())
                .get("/api/watch/alerts").then().body("total", is(1))
                .body("items[0].exerciseId", is(exercise.toString())).body("items[0].mentionCount", is(2));
        as(VIEWER).queryParam("watchlistId", watchlistId).queryParam("exerciseId", exercise.toString())
                .get("/api/watch/mentions").then().body("total", is(2));
        as(VIEWER).queryParam("watchlistId", watchlistId).get("/api/watch/mentions").then().body("total", is(3));
        as(VIEWER).queryParam("watchlistId", watchlistId).queryParam("exerciseId", UUID.randomUUID().toString())
                .get("/api/watch/alerts").then().body("total", is(0));
    }

    @Test
    void aBadExerciseIdRejectsTheBatchAndStoresNothing() {
        String word = word();
        as(CM).header("Accept-Language", "fr")
                .body("{\"exerciseId\":\"pas-un-uuid\",\"mentions\":[" + mention(null, "Texte " + word, "a1") + "]}")
                .post("/api/watch/mentions/batch").then().statusCode(400)
                .body("errors[0].field", is("exerciseId"))
                .body("errors[0].message", is("doit être un UUID (l'exercice auquel appartient le lot)"));
        as(CM).queryParam("q", word).get("/api/watch/mentions").then().body("total", is(0));
    }

    @Test
    void aRepostThatGoesViralRaisesReach() {
        String word = word();
        String watchlistId = watchlist(word, "[{\"type\":\"REACH\",\"threshold\":1000}]", null);
        String externalId = UUID.randomUUID().toString();
        String post = mention(externalId, "Publication " + word, "small_page");
        as(CM).body(batch(post)).post("/api/watch/mentions/batch").then().statusCode(202).body("accepted", is(1));
        as(CM).queryParam("watchlistId", watchlistId).get("/api/watch/alerts").then().body("total", is(0));

        String viral = post.replace("\"likes\":3", "\"likes\":5400").replace("\"shares\":1", "\"shares\":2300");
        as(CM).body(batch(viral)).post("/api/watch/mentions/batch").then().statusCode(202)
                .body("accepted", is(0)).body("duplicates", is(1));
        as(CM).queryParam("watchlistId", watchlistId).get("/api/watch/alerts").then().body("total", is(1))
                .body("items[0].ruleType", is("REACH")).body("items[0].mentionCount", is(1))
                .body("items[0].exerciseId", nullValue());

        // already above: a further repost does not count again
        as(CM).body(batch(viral.replace("\"likes\":5400", "\"likes\":6000"))).post("/api/watch/mentions/batch")
                .then().statusCode(202).body("duplicates", is(1));
        as(CM).queryParam("watchlistId", watchlistId).get("/api/watch/alerts").then().body("total", is(1))
                .body("items[0].mentionCount", is(1));
    }

    @Test
    void aWatchlistCreatedForAnExerciseCarriesIt() {
        UUID exercise = UUID.randomUUID();
        String id = watchlist(word(), null, exercise);
        as(VIEWER).get("/api/watch/watchlists/" + id).then().statusCode(200).body("exerciseId", is(exercise.toString()));
        String real = watchlist(word(), null, null);
        as(VIEWER).get("/api/watch/watchlists/" + real).then().statusCode(200).body("exerciseId", nullValue());
    }
}
