package cm.vigie.watch.quota;

import static cm.vigie.watch.WatchTestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
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

import org.junit.jupiter.api.Test;

import cm.vigie.commons.quota.Quotas;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.watch.WatchTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Count quotas of watch-service, as the institution directory publishes them: at the limit a creation is accepted,
 * one more answers 422 naming the quota and its limit and creates nothing, and two creations racing at the limit
 * cannot both pass.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class WatchQuotasTest {

    static Quotas limits(int counts) {
        return new Quotas(counts, counts, counts, counts, 500, 50, 5, 3);
    }

    static String watchlist() {
        return "{\"name\":\"quota " + UUID.randomUUID() + "\",\"query\":\"vaccin\",\"severity\":\"LOW\"}";
    }

    static String hoax() {
        return "{\"claims\":[\"Le ministère distribue des billets de banque contaminés dans les marchés de Yaoundé " + UUID.randomUUID()
                + "\"],\"verdict\":\"FALSE\",\"debunkUrl\":\"https://www.minsante.cm/verif\",\"shared\":false}";
    }

    static String source() {
        return "{\"type\":\"RSS\",\"name\":\"quota " + UUID.randomUUID() + "\",\"url\":\"http://127.0.0.1:9/" + UUID.randomUUID() + ".xml\"}";
    }

    static String webhook() {
        return "{\"url\":\"http://127.0.0.1:9/hook/" + UUID.randomUUID() + "\",\"secret\":\"s3cret-" + UUID.randomUUID()
                + "\",\"eventTypes\":[\"ALERT_CREATED\"]}";
    }

    @Test
    void eachCountQuotaAcceptsUpToItsLimitThenAnswers422NamingItAndCreatesNothing() {
        String admin = WatchTestSupport.institution("wquota", limits(2));
        record Case(String path, String quota, java.util.function.Supplier<String> body) {
        }
        for (Case c : List.of(new Case("/api/watch/watchlists", "watchlists", WatchQuotasTest::watchlist),
                new Case("/api/watch/hoaxes", "hoaxes", WatchQuotasTest::hoax),
                new Case("/api/watch/sources", "sources", WatchQuotasTest::source),
                new Case("/api/watch/webhooks", "webhooks", WatchQuotasTest::webhook))) {
            as(admin).body(c.body().get()).post(c.path()).then().statusCode(201);
            as(admin).body(c.body().get()).post(c.path()).then().statusCode(201);
            as(admin).header("Accept-Language", "fr").body(c.body().get()).post(c.path()).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/quota-exceeded")).body("title", is("Quota atteint"))
                    .body("quota", is(c.quota())).body("limit", is(2))
                    .body("detail", containsString("« " + c.quota() + " »"));
            as(admin).header("Accept-Language", "en").body(c.body().get()).post(c.path()).then().statusCode(422)
                    .body("title", is("Quota exceeded")).body("quota", is(c.quota())).body("limit", is(2))
                    .body("detail", containsString("at most 2"));
            as(admin).get(c.path()).then().statusCode(200).body("total", is(2));
        }
        // another institution, on its defaults, is not touched by wquota's quotas
        as(WatchTestSupport.CM).body(watchlist()).post("/api/watch/watchlists").then().statusCode(201);
    }

    @Test
    void creationsRacingAtTheLimitCannotBothPass() throws Exception {
        String admin = WatchTestSupport.institution("wrace", limits(3));
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (String path : List.of("/api/watch/watchlists", "/api/watch/webhooks")) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    answers.add(pool.submit(() -> {
                        String body = path.endsWith("watchlists") ? watchlist() : webhook();
                        start.await();
                        return as(admin).body(body).post(path).statusCode();
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
                assertEquals(3, created, path + ": exactly the limit is created");
                assertEquals(racers - 3, refused, path + ": every other racer is refused with 422");
                as(admin).get(path).then().statusCode(200).body("total", is(3));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRaisedQuotaAppliesWhenTheDirectoryIsRefreshed() {
        String admin = WatchTestSupport.institution("wraise", limits(1));
        as(admin).body(watchlist()).post("/api/watch/watchlists").then().statusCode(201);
        as(admin).body(watchlist()).post("/api/watch/watchlists").then().statusCode(422).body("limit", is(1));
        TestIdentityProvider.get().quotas("wraise", limits(2));
        // a stale directory is answered at once and refreshed behind: within its maximum age (15 s) and one load
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        int status;
        do {
            sleep(500);
            status = as(admin).body(watchlist()).post("/api/watch/watchlists").statusCode();
        } while (status == 422 && Instant.now().isBefore(deadline));
        assertEquals(201, status);
        as(admin).get("/api/watch/watchlists").then().body("total", is(2));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
