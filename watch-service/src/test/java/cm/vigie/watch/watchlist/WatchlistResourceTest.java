package cm.vigie.watch.watchlist;

import static cm.vigie.watch.WatchTestSupport.ANALYST;
import static cm.vigie.watch.WatchTestSupport.CM;
import static cm.vigie.watch.WatchTestSupport.OTHER_CM;
import static cm.vigie.watch.WatchTestSupport.VIEWER;
import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static cm.vigie.watch.WatchTestSupport.mention;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class WatchlistResourceTest {

    static String create(String name, String query, String extra) {
        return as(CM).body("{\"name\":\"" + name + "\",\"query\":\"" + query + "\",\"languages\":[],\"platforms\":[],\"severity\":\"HIGH\""
                + (extra == null ? "" : "," + extra) + "}")
                .post("/api/watch/watchlists").then().statusCode(201).header("Location", notNullValue())
                .header("ETag", "\"0\"").extract().path("id");
    }

    @Test
    void crudWithETagsAndTenancy() {
        String name = "Santé " + UUID.randomUUID();
        String id = create(name, "vaccin* AND (danger OR mort)", null);
        as(VIEWER).get("/api/watch/watchlists/" + id).then().statusCode(200).body("name", is(name))
                .body("active", is(true)).body("severity", is("HIGH")).body("alertRules[0].type", is("KEYWORD"));
        as(CM).body("{\"name\":\"" + name + "\",\"query\":\"paludisme\",\"severity\":\"LOW\"}").post("/api/watch/watchlists")
                .then().statusCode(409);
        String body = "{\"name\":\"" + name + "\",\"query\":\"vaccin*\",\"languages\":[\"fr\"],\"platforms\":[\"FACEBOOK\"],\"severity\":\"MEDIUM\",\"active\":false}";
        as(CM).body(body).put("/api/watch/watchlists/" + id).then().statusCode(428);
        as(CM).header("If-Match", "\"7\"").body(body).put("/api/watch/watchlists/" + id).then().statusCode(412);
        as(CM).header("If-Match", "\"0\"").body(body).put("/api/watch/watchlists/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("active", is(false)).body("languages", contains("fr"));
        as(VIEWER).queryParam("active", false).queryParam("name", name.substring(0, 10)).get("/api/watch/watchlists")
                .then().body("items.id", hasItem(id));
        as(OTHER_CM).get("/api/watch/watchlists/" + id).then().statusCode(404);
        as(OTHER_CM).delete("/api/watch/watchlists/" + id).then().statusCode(404);
        as(VIEWER).delete("/api/watch/watchlists/" + id).then().statusCode(403);
        as(CM).delete("/api/watch/watchlists/" + id).then().statusCode(204);
        as(CM).get("/api/watch/watchlists/" + id).then().statusCode(404);
    }

    @Test
    void invalidQueriesAnswer400WithPositionsInFrenchOrEnglish() {
        as(ANALYST).body("{\"query\":\"vaccin AND (danger OR\"}").post("/api/watch/watchlists/validate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400)).body("errors[0].position", notNullValue())
                .body("errors[0].message", notNullValue()).body("errors[0].code", notNullValue());
        String english = as(ANALYST).body("{\"query\":\"\\\"vaccin danger\"}").post("/api/watch/watchlists/validate")
                .then().statusCode(400).body("errors[0].code", is("UNTERMINATED_PHRASE")).extract().path("errors[0].message");
        as(ANALYST).header("Accept-Language", "fr").body("{\"query\":\"\\\"vaccin danger\"}").post("/api/watch/watchlists/validate")
                .then().statusCode(400).body("errors[0].position", is(0)).body("errors[0].message", not(english))
                .body("detail", containsString("requête"));
        as(CM).body("{\"name\":\"broken\",\"query\":\"(vaccin\",\"severity\":\"LOW\"}").post("/api/watch/watchlists")
                .then().statusCode(400).body("errors[0].position", notNullValue()).body("errors[0].field", is("query"));
        as(CM).get("/api/watch/watchlists?name=broken").then().body("total", is(0));
        as(CM).body("{\"name\":\"bad rule\",\"query\":\"vaccin\",\"alertRules\":[{\"type\":\"REACH\"}]}").post("/api/watch/watchlists")
                .then().statusCode(400).body("errors[0].field", is("alertRules[0].threshold"));
    }

    @Test
    void validQueriesAnswerWarningsWhenTooBroad() {
        as(ANALYST).body("{\"query\":\"vaccin* AND (danger OR mort)\"}").post("/api/watch/watchlists/validate")
                .then().statusCode(200).body("valid", is(true)).body("warnings", empty());
        as(ANALYST).body("{\"query\":\"NOT vaccin\"}").post("/api/watch/watchlists/validate")
                .then().statusCode(200).body("valid", is(true)).body("warnings", not(empty()))
                .body("warnings[0].code", notNullValue()).body("warnings[0].message", notNullValue());
    }

    @Test
    void dryRunOnTextsAndOnStoredMentions() {
        String id = create("Dry " + UUID.randomUUID(), "vaccin* NEAR/3 dangereux", null);
        as(ANALYST).body("{\"texts\":[\"Le VACCIN est très dangereux !\",\"Campagne de vaccination à Douala\",\"dangereux, ce vaccin\"]}")
                .post("/api/watch/watchlists/" + id + "/dry-run").then().statusCode(200)
                .body("results.index", contains(0, 1, 2)).body("results.matched", contains(true, false, true))
                .body("results[0].highlights", hasItem("VACCIN")).body("results[1].highlights", empty());
        as(CM).body(batch(mention(null, "Ce vaccinodrome est dangereux dit-on", "dry_author"))).post("/api/watch/mentions/batch")
                .then().statusCode(202);
        as(ANALYST).body("{\"days\":1}").post("/api/watch/watchlists/" + id + "/dry-run").then().statusCode(200)
                .body("results", hasSize(1)).body("results[0].mentionId", notNullValue()).body("scanned", notNullValue());
        as(ANALYST).body("{}").post("/api/watch/watchlists/" + id + "/dry-run").then().statusCode(400);
        as(OTHER_CM).body("{\"texts\":[\"x\"]}").post("/api/watch/watchlists/" + id + "/dry-run").then().statusCode(404);
    }

    @Test
    void watchlistChangesTakeEffectWithoutRestartAndRaiseAlerts() {
        String word = "zx" + UUID.randomUUID().toString().substring(0, 8);
        String id = create("Live " + word, word + " AND grève", null);
        String first = UUID.randomUUID().toString();
        as(CM).body(batch(mention(first, "La grève continue " + word, "striker"), mention(null, "Rien " + word, "other")))
                .post("/api/watch/mentions/batch").then().statusCode(202).body("accepted", is(2));
        as(CM).queryParam("watchlistId", id).get("/api/watch/mentions").then().body("total", is(1))
                .body("items[0].matchedWatchlists", contains(id)).body("items[0].externalId", is(first));
        as(CM).queryParam("watchlistId", id).queryParam("ruleType", "KEYWORD").get("/api/watch/alerts").then()
                .body("items", hasSize(1)).body("items[0].mentionCount", is(1)).body("items[0].severity", is("HIGH"))
                .body("items[0].title", containsString(word));
        // a second batch joins the same alert; a repeat of a stored mention does not
        String second = UUID.randomUUID().toString();
        as(CM).body(batch(mention(second, "Grève encore " + word, "striker"), mention(first, "La grève continue " + word, "striker")))
                .post("/api/watch/mentions/batch").then().statusCode(202).body("accepted", is(1)).body("duplicates", is(1));
        String keyword = as(CM).queryParam("watchlistId", id).queryParam("ruleType", "KEYWORD").get("/api/watch/alerts").then()
                .body("items", hasSize(1)).body("items[0].mentionCount", is(2)).extract().path("items[0].id");

        String etag = as(CM).get("/api/watch/watchlists/" + id).then().extract().header("ETag");
        as(CM).header("If-Match", etag).body("{\"name\":\"Live " + word + "\",\"query\":\"" + word + "\",\"severity\":\"HIGH\","
                + "\"alertRules\":[{\"type\":\"REACH\",\"threshold\":100}]}").put("/api/watch/watchlists/" + id).then().statusCode(200);
        as(CM).body(batch(mention(null, "Encore " + word, "other"),
                mention(null, "Viral " + word, "big").replace("\"likes\":3", "\"likes\":500")))
                .post("/api/watch/mentions/batch").then().statusCode(202);
        as(CM).queryParam("watchlistId", id).get("/api/watch/mentions").then().body("total", is(4));
        as(CM).queryParam("watchlistId", id).queryParam("ruleType", "REACH").get("/api/watch/alerts").then()
                .body("items", hasSize(1)).body("items[0].mentionCount", is(1));
        as(CM).queryParam("watchlistId", id).queryParam("ruleType", "KEYWORD").get("/api/watch/alerts").then()
                .body("items[0].mentionCount", is(2));
        // the KEYWORD alert lists the mentions it grouped, not every later match of its watchlist in its window
        as(CM).get("/api/watch/alerts/" + keyword + "/mentions").then().statusCode(200).body("total", is(2))
                .body("items.externalId", containsInAnyOrder(first, second));
        as(CM).queryParam("alertId", keyword).get("/api/watch/mentions").then().statusCode(200).body("total", is(2))
                .body("items.externalId", containsInAnyOrder(first, second));

        etag = as(CM).get("/api/watch/watchlists/" + id).then().extract().header("ETag");
        as(CM).header("If-Match", etag).body("{\"name\":\"Live " + word + "\",\"query\":\"" + word + "\",\"active\":false}")
                .put("/api/watch/watchlists/" + id).then().statusCode(200);
        as(CM).body(batch(mention(null, "Plus rien " + word, "other"))).post("/api/watch/mentions/batch").then().statusCode(202);
        as(CM).queryParam("watchlistId", id).get("/api/watch/mentions").then().body("total", is(4));
        List<String> unmatched = as(CM).queryParam("q", "Plus rien").queryParam("matched", false).get("/api/watch/mentions")
                .then().extract().path("items.text");
        org.junit.jupiter.api.Assertions.assertTrue(unmatched.stream().anyMatch(t -> t.contains(word)));
    }
}
