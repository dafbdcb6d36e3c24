package cm.vigie.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.gateway.proxy.UpstreamResource.InjectUpstream;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/** Body size limits (413) and CORS for the front-end origins. */
@QuarkusTest
@WithTestResource(UpstreamResource.class)
@WithTestResource(TestIdentityProviderResource.class)
class LimitsAndCorsTest {

    private static final String TOKEN = TestTokens.bearer("minsante", "cm", "community-manager");
    private static final int FIVE_MB = 5 * 1024 * 1024;

    @InjectUpstream
    UpstreamStub upstream;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @BeforeEach
    void reset() {
        upstream.clear();
    }

    @Test
    void aDeclaredBodyOverFiveMegabytesAnswers413BeforeReachingTheService() throws Exception {
        given().header("Authorization", TOKEN).contentType("application/octet-stream")
                .body(new byte[FIVE_MB + 1])
                .when().post("/api/accounts/upload").then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://vigie.cm/problems/payload-too-large"))
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("status", equalTo(413));
        assertNull(upstream.poll(300));
        // exactly the limit passes
        given().header("Authorization", TOKEN).contentType("application/octet-stream")
                .body(new byte[FIVE_MB]).when().post("/api/accounts/upload").then().statusCode(201);
    }

    @Test
    void aStreamedBodyThatGrowsOverTheLimitAnswers413() throws Exception {
        HttpClient client = vertx.createHttpClient();
        try {
            HttpClientRequest request = client.request(HttpMethod.POST, port, "127.0.0.1", "/api/accounts/upload")
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            request.setChunked(true).putHeader("Authorization", TOKEN);
            var answer = request.response()
                    .compose(response -> response.body().map(body -> response.statusCode() + " " + body))
                    .toCompletionStage().toCompletableFuture();
            Buffer chunk = Buffer.buffer(new byte[256 * 1024]);
            for (int i = 0; i < 24 && !answer.isDone(); i++) {
                request.write(chunk);
            }
            String result = answer.get(10, TimeUnit.SECONDS);
            assertTrue(result.startsWith("413 "), result);
            assertEquals("https://vigie.cm/problems/payload-too-large",
                    new JsonObject(result.substring(4)).getString("type"));
        } finally {
            client.close();
        }
    }

    @Test
    void aClientThatExpects100ContinueGetsItAndItsBodyStreams() throws Exception {
        HttpClient client = vertx.createHttpClient();
        try {
            HttpClientRequest request = client.request(HttpMethod.POST, port, "127.0.0.1", "/api/accounts/upload")
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            request.putHeader("Authorization", TOKEN).putHeader("Expect", "100-continue").putHeader("Content-Length", "5");
            var continued = new java.util.concurrent.CompletableFuture<Void>();
            request.continueHandler(v -> {
                continued.complete(null);
                request.end("hello");
            });
            var answer = request.response()
                    .compose(response -> response.body().map(body -> response.statusCode() + " " + body))
                    .toCompletionStage().toCompletableFuture();
            request.sendHead();
            continued.get(5, TimeUnit.SECONDS);
            assertEquals("201 echo:hello", answer.get(10, TimeUnit.SECONDS));
            assertNull(upstream.take().header("Expect"));
        } finally {
            client.close();
        }
    }

    @Test
    void headersOverTheLimitAreRefusedBeforeRouting() {
        given().header("Authorization", TOKEN).header("X-Big", "x".repeat(20 * 1024))
                .when().get("/api/accounts/official").then().statusCode(431);
    }

    @Test
    void aPreflightFromAConfiguredOriginIsAllowedAndCachedWithoutCredentials() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/accounts/official").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Max-Age", "86400")
                .header("Access-Control-Allow-Credentials", org.hamcrest.Matchers.not(equalTo("true")));
        // an actual call from the front-end gets the header too and can read the correlation id
        given().header("Origin", "http://localhost:3000").header("Authorization", TOKEN)
                .when().get("/api/accounts/official").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("X-Request-Id"));
    }

    @Test
    void anOriginThatIsNotListedGetsNoCorsHeaders() {
        given().header("Origin", "http://localhost:5174")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/accounts/official").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
