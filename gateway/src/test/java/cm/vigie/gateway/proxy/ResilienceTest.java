package cm.vigie.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.gateway.proxy.UpstreamResource.InjectUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** Upstreams that are down, slow, flaky or streaming. */
@QuarkusTest
@WithTestResource(UpstreamResource.class)
@WithTestResource(TestIdentityProviderResource.class)
class ResilienceTest {

    private static final String TOKEN = TestTokens.bearer("minsante", "cm", "community-manager");

    @InjectUpstream
    UpstreamStub upstream;

    @InjectUpstream
    FlakyUpstream flaky;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aServiceThatIsDownAnswers503WithinASecondThenItsCircuitOpens() {
        long start = System.nanoTime();
        given().header("Authorization", TOKEN).header("Accept-Language", "fr")
                .when().get("/api/watch/watchlists").then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://vigie.cm/problems/unavailable"))
                .body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body("title", equalTo("Service indisponible"))
                .body("detail", containsString("watch"));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000, "503 within a second");

        Response open = null;
        for (int i = 0; i < 8 && open == null; i++) {
            Response response = given().header("Authorization", TOKEN).when().post("/api/watch/watchlists");
            assertEquals(503, response.statusCode());
            if (response.header("Retry-After") != null) {
                open = response;
            }
        }
        assertTrue(open != null, "the circuit opens after consecutive failures");
        open.then().body("detail", containsString("stops calling"));
    }

    @Test
    void aServiceThatIsTooSlowAnswers504AfterItsReadTimeout() {
        long start = System.nanoTime();
        given().header("Authorization", TOKEN).when().get("/api/plans/slow").then()
                .statusCode(504)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://vigie.cm/problems/gateway-timeout"))
                .body("code", equalTo("GATEWAY_TIMEOUT"))
                .body("detail", containsString("plan"));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis >= 900 && millis < 2900, "504 after the 1 s read timeout, not the 3 s answer: " + millis);
    }

    @Test
    void getIsRetriedOnceWhenTheConnectionDropsButPostIsNot() {
        int before = flaky.connections();
        given().header("Authorization", TOKEN).when().get("/api/flaky/items").then()
                .statusCode(200).body(equalTo("ok"));
        assertEquals(before + 2, flaky.connections(), "dropped once, retried once");

        int beforePost = flaky.connections();
        given().header("Authorization", TOKEN).body("{}").contentType("application/json")
                .when().post("/api/flaky/items").then()
                .statusCode(502)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://vigie.cm/problems/bad-gateway"))
                .header("Retry-After", nullValue());
        assertEquals(beforePost + 1, flaky.connections(), "a POST is never retried");
        // the next connection is a good one: leave the upstream in step for other tests
        given().header("Authorization", TOKEN).when().get("/api/flaky/items").then().statusCode(200);
    }

    /**
     * Server-Sent Events pass through unbuffered: the first event reaches the client while the upstream holds the
     * stream open, and an idle stream is not cut by the (1 s) read timeout.
     */
    @Test
    void serverSentEventsPassThroughUnbufferedAndSurviveIdleness() throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(0));
        LinkedBlockingQueue<String> chunks = new LinkedBlockingQueue<>();
        CompletableFuture<String> contentType = new CompletableFuture<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        try {
            client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                    .setURI("/api/plans/alerts/stream").addHeader("Authorization", TOKEN)
                    .addHeader("Accept", "text/event-stream"))
                    .compose(request -> request.send())
                    .onSuccess(response -> {
                        contentType.complete(response.statusCode() + " " + response.getHeader("Content-Type"));
                        response.handler(buffer -> chunks.add(buffer.toString()));
                        response.endHandler(v -> ended.complete(null));
                    })
                    .onFailure(contentType::completeExceptionally);

            assertEquals("200 text/event-stream", contentType.get(10, TimeUnit.SECONDS));
            String first = chunks.poll(5, TimeUnit.SECONDS);
            assertEquals("data: one\n\n", first, "the first event arrives while the stream stays open");
            Thread.sleep(1500); // longer than the plan service's read timeout
            assertFalse(ended.isDone(), "an idle stream is not cut");
            upstream.releaseSecondEvent();
            ended.get(10, TimeUnit.SECONDS);
            StringBuilder rest = new StringBuilder();
            chunks.forEach(rest::append);
            assertEquals("data: two\n\n", rest.toString());
        } finally {
            client.close();
        }
    }

    @Test
    void problemsNeverLeakInternals() {
        given().header("Authorization", TOKEN).when().get("/api/watch/x").then()
                .statusCode(503)
                .body(not(containsString("Exception")))
                .body(not(containsString("127.0.0.1")));
    }
}
