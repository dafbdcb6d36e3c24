package cm.vigie.accounts.institution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Operators set an institution's quotas; the protected-persons quota is enforced at once, races included. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class InstitutionQuotaTest {

    private static final String OPERATOR = AccountsTestSupport.OPERATOR;

    static Response quotas(String id) {
        return given().header("Authorization", OPERATOR).get("/api/institutions/" + id + "/quotas");
    }

    static String set(String id, String body) {
        String etag = quotas(id).then().statusCode(200).extract().header("ETag");
        return given().header("Authorization", OPERATOR).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .put("/api/institutions/" + id + "/quotas").then().statusCode(200).extract().header("ETag");
    }

    static int createPerson(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Personne " + UUID.randomUUID() + "\"}").post("/api/accounts/persons").statusCode();
    }

    @Test
    void operatorsReadAndSetQuotasWithIfMatchAndTheChangeIsInTheHistory() {
        String id = AccountsTestSupport.ensureInstitution("aquotaops");
        String etag = quotas(id).then().statusCode(200)
                .body("slug", is("aquotaops")).body("limits.watchlists", is(200)).body("limits.alertStreamsPerUser", is(5))
                .body("defaults.protectedPersons", is(500)).body("overrides", anEmptyMap())
                .extract().header("ETag");

        String put = "/api/institutions/" + id + "/quotas";
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"watchlists\":3}").put(put)
                .then().statusCode(428);
        given().header("Authorization", OPERATOR).header("If-Match", "\"999\"").contentType(ContentType.JSON)
                .body("{\"watchlists\":3}").put(put).then().statusCode(412);
        given().header("Authorization", OPERATOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"watchlists\":-1,\"webhooks\":2000000}").put(put)
                .then().statusCode(400).body("errors.field", hasItem("watchlists")).body("errors.field", hasItem("webhooks"));
        String admin = TestTokens.bearer("aquotaops", "admin", "institution-admin");
        given().header("Authorization", admin).get(put).then().statusCode(403);
        given().header("Authorization", admin).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"watchlists\":100000}").put(put).then().statusCode(403);

        String changed = given().header("Authorization", OPERATOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"watchlists\":3,\"alertStreams\":10}").put(put)
                .then().statusCode(200).body("limits.watchlists", is(3)).body("limits.alertStreams", is(10))
                .body("limits.hoaxes", is(2000)).body("overrides.watchlists", is(3)).body("overrides.hoaxes", nullValue())
                .extract().header("ETag");
        assertNotEquals(etag, changed);
        given().header("Authorization", OPERATOR).get("/api/institutions/" + id + "/history?size=100").then().statusCode(200)
                .body("items.action", hasItem("INSTITUTION_QUOTAS_CHANGED"))
                .body("items.find { it.action == 'INSTITUTION_QUOTAS_CHANGED' }.after", containsString("\"watchlists\":\"3\""))
                .body("items.find { it.action == 'INSTITUTION_QUOTAS_CHANGED' }.actor", is("operator"));

        // the other services learn it from the directory
        given().header("X-Vigie-Service-Key", TestIdentityProvider.SERVICE_KEY).get("/internal/institutions").then()
                .statusCode(200)
                .body("find { it.slug == 'aquotaops' }.quotas.watchlists", is(3))
                .body("find { it.slug == 'aquotaops' }.quotas.sources", is(200));

        // null returns a quota to its default
        set(id, "{\"alertStreams\":10}");
        quotas(id).then().body("limits.watchlists", is(200)).body("overrides.watchlists", nullValue())
                .body("overrides.alertStreams", is(10));
        given().header("Authorization", OPERATOR).get("/api/institutions/" + UUID.randomUUID() + "/quotas").then().statusCode(404);
    }

    @Test
    void protectedPersonsUpToTheQuotaThen422NamingItThenAcceptedOnceAnOperatorRaisesIt() {
        String id = AccountsTestSupport.ensureInstitution("aquotapersons");
        String cm = TestTokens.bearer("aquotapersons", "cm", "community-manager");
        set(id, "{\"protectedPersons\":2}");
        assertEquals(201, createPerson(cm));
        assertEquals(201, createPerson(cm));
        given().header("Authorization", cm).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{\"fullName\":\"Une de trop\"}").post("/api/accounts/persons")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/quota-exceeded")).body("quota", is("protectedPersons")).body("limit", is(2))
                .body("detail", containsString("au plus 2"));
        given().header("Authorization", cm).get("/api/accounts/persons").then().body("total", is(2));
        // another institution is not bound by it
        AccountsTestSupport.ensureInstitution("aquotaother");
        String other = TestTokens.bearer("aquotaother", "cm", "community-manager");
        assertEquals(201, createPerson(other));

        set(id, "{\"protectedPersons\":3}");
        assertEquals(201, createPerson(cm), "a raised quota applies at once in accounts-service");
        assertEquals(422, createPerson(cm));
        given().header("Authorization", cm).get("/api/accounts/persons").then().body("total", is(3));
    }

    @Test
    void personsRacingAtTheLimitCannotBothPass() throws Exception {
        String id = AccountsTestSupport.ensureInstitution("aquotarace");
        String cm = TestTokens.bearer("aquotarace", "cm", "community-manager");
        set(id, "{\"protectedPersons\":3}");
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return createPerson(cm);
                }));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                created += status == 201 ? 1 : 0;
                refused += status == 422 ? 1 : 0;
            }
            assertEquals(3, created);
            assertEquals(racers - 3, refused);
        } finally {
            pool.shutdownNow();
        }
        given().header("Authorization", cm).get("/api/accounts/persons").then().body("total", is(3));
    }
}
