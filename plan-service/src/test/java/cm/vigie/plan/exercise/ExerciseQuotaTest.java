package cm.vigie.plan.exercise;

import static cm.vigie.plan.exercise.ExerciseStubs.PATH;
import static cm.vigie.plan.exercise.ExerciseStubs.act;
import static cm.vigie.plan.exercise.ExerciseStubs.start;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.quota.Quotas;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Exercises running at once: one more than the quota answers 429 naming it, before anything is set up. */
@QuarkusTest // test resources: the global ones declared by the other plan-service tests
class ExerciseQuotaTest {

    @BeforeEach
    void stubs() {
        ExerciseStubs.setupAndIngestion();
    }

    static String institution(String slug, int runningExercises) throws InterruptedException {
        TestIdentityProvider.get().quotas(slug, new Quotas(200, 2000, 200, 20, 500, 50, 5, runningExercises));
        TestIdentityProvider.get().institution(slug, "ACTIVE");
        String admin = TestTokens.bearer(slug, "admin", "institution-admin");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (given().header("Authorization", admin).get(PATH).statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(slug + " was never accepted");
            }
            Thread.sleep(200);
        }
        return admin;
    }

    static int setupCalls() {
        return PlanTestResource.stubs().findAll(postRequestedFor(urlEqualTo("/api/accounts/persons"))).size();
    }

    @Test
    void oneExerciseMoreThanTheQuotaAnswers429BeforeAnySetupAndAStoppedOneFreesItsPlace() throws Exception {
        String admin = institution("pquota", 1);
        String first = start(admin, "drill-short", 1).then().statusCode(201).extract().path("id");

        int before = setupCalls();
        start(admin, "drill-short", 1).then().statusCode(429).contentType("application/problem+json")
                .body("type", endsWith("/concurrency-quota-exceeded")).body("quota", equalTo("runningExercises"))
                .body("limit", equalTo(1));
        assertEquals(before, setupCalls(), "nothing was set up for the refused start");

        // a paused exercise keeps its setup: it still counts
        act(admin, UUID.fromString(first), "pause").then().statusCode(200);
        start(admin, "drill-short", 1).then().statusCode(429);
        given().header("Authorization", admin).get(PATH + "?size=100").then().body("total", equalTo(1));

        // other institutions are not bound by pquota's quota
        start(TestTokens.bearer("mincom", "admin", "institution-admin"), "drill-short", 1).then().statusCode(201);

        act(admin, UUID.fromString(first), "stop").then().statusCode(200);
        start(admin, "drill-short", 1).then().statusCode(201).body("status", equalTo("RUNNING"));
    }

    @Test
    void startsRacingAtTheLimitCannotBothPassAndTheLosersSetupIsUndone() throws Exception {
        String admin = institution("prace", 2);
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        int created = 0;
        int refused = 0;
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return start(admin, "drill-short", 1).statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                created += status == 201 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, created);
        assertEquals(racers - 2, refused);
        given().header("Authorization", admin).get(PATH + "?status=RUNNING&size=100").then().body("total", equalTo(2));
        // every racer refused after its setup (at the locked check) had that setup removed again
        var asAdmin = com.github.tomakehurst.wiremock.client.WireMock.equalTo(admin);
        java.util.Set<String> setUp = new java.util.HashSet<>();
        for (var request : PlanTestResource.stubs().findAll(postRequestedFor(urlEqualTo("/api/watch/watchlists")).withHeader("Authorization", asAdmin))) {
            setUp.add(io.restassured.path.json.JsonPath.from(request.getBodyAsString()).getString("exerciseId"));
        }
        java.util.Set<String> undone = new java.util.HashSet<>();
        for (var request : PlanTestResource.stubs().findAll(deleteRequestedFor(urlPathMatching("/api/watch/exercises/.*")).withHeader("Authorization", asAdmin))) {
            undone.add(request.getUrl().substring(request.getUrl().lastIndexOf('/') + 1));
        }
        java.util.Set<String> kept = new java.util.HashSet<>(setUp);
        kept.removeAll(undone);
        List<String> started = given().header("Authorization", admin).get(PATH + "?size=100").then().extract().path("items.id");
        assertEquals(java.util.Set.copyOf(started), kept, "only the started exercises keep their setup");
    }
}
