package cm.vigie.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.gateway.proxy.UpstreamResource.InjectUpstream;
import cm.vigie.gateway.proxy.UpstreamStub.Received;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;

@QuarkusTest
@WithTestResource(UpstreamResource.class)
@WithTestResource(TestIdentityProviderResource.class)
class ProxyRoutesTest {

    private static final String TOKEN = TestTokens.bearer("minsante", "cm", "community-manager");

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
    void getReachesTheUpstreamWithPathQueryAndAuthorizationAndItsAnswerComesBack() throws Exception {
        given().urlEncodingEnabled(false).header("Authorization", TOKEN)
                .when().get("/api/accounts/official/123?platform=FACEBOOK&q=a%20b")
                .then().statusCode(200)
                .header("X-Upstream", "stub")
                .contentType("application/json")
                .body("ok", equalTo(true));

        Received r = upstream.take();
        assertEquals("GET", r.method());
        assertEquals("/api/accounts/official/123?platform=FACEBOOK&q=a%20b", r.uri());
        assertEquals(TOKEN, r.header("Authorization"));
        assertEquals("127.0.0.1", r.header("X-Forwarded-For"));
        assertEquals("http", r.header("X-Forwarded-Proto"));
    }

    @Test
    void postBodyReachesTheUpstreamAndTheCreatedAnswerComesBack() throws Exception {
        String json = "{\"name\":\"Ministère de la Santé\",\"slug\":\"minsante\"}";
        given().header("Authorization", TOKEN)
                .contentType("application/json; charset=UTF-8")
                .body(json)
                .when().post("/api/institutions?dryRun=true")
                .then().statusCode(201)
                .header("Location", "/api/institutions/42")
                .header("X-Upstream", "stub")
                .body(equalTo("echo:" + json));

        Received r = upstream.take();
        assertEquals("POST", r.method());
        assertEquals("/api/institutions?dryRun=true", r.uri());
        assertEquals(json, r.body());
        assertEquals(TOKEN, r.header("Authorization"));
        assertTrue(r.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void thePrefixItselfIsRoutedAndOtherMethodsPassThrough() throws Exception {
        given().header("Authorization", TOKEN).when().get("/api/accounts").then().statusCode(200);
        assertEquals("/api/accounts", upstream.take().uri());

        given().header("Authorization", TOKEN).body("patch").when().patch("/api/plans/7").then().statusCode(201).body(equalTo("echo:patch"));
        Received r = upstream.take();
        assertEquals("PATCH", r.method());
        assertEquals("/api/plans/7", r.uri());
    }

    /**
     * The first chunk must reach the upstream while the client is still sending: proof that the
     * gateway streams the body and does not buffer it first.
     */
    @Test
    void requestBodyIsStreamedNotBuffered() throws Exception {
        HttpClient client = vertx.createHttpClient();
        try {
            HttpClientRequest request = client.request(HttpMethod.POST, port, "127.0.0.1", "/api/accounts/upload")
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            request.setChunked(true);
            request.putHeader("Authorization", TOKEN);
            // read the answer on the event loop as it arrives
            var answer = request.response()
                    .compose(response -> response.body().map(body -> response.statusCode() + " " + body))
                    .toCompletionStage().toCompletableFuture();
            request.write("first-part;");

            assertTrue(upstream.awaitFirstBodyBytes(10),
                    "the upstream should see the first chunk before the request ends");

            request.end("second-part");
            assertEquals("201 echo:first-part;second-part", answer.get(10, TimeUnit.SECONDS));
            assertEquals("first-part;second-part", upstream.take().body());
        } finally {
            client.close();
        }
    }

    @Test
    void aPathThatOnlyStartsLikeAPrefixIsNotRouted() {
        assertProblem(given().when().get("/api/accountsX"), 404, "/api/accountsX");
        assertProblem(given().when().get("/api/accountsX/1"), 404, "/api/accountsX/1");
    }

    @Test
    void anUnknownApiPathAnswersNotFoundProblem() {
        assertProblem(given().body("ignored").when().post("/api/nowhere/1"), 404, "/api/nowhere/1");
        assertProblem(given().when().get("/api"), 404, "/api");
    }

    @Test
    void aPathWithDotSegmentsIsRejected() {
        given().urlEncodingEnabled(false)
                .when().get("/api/accounts/../watch/x")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anUpstreamThatRefusesTheConnectionAnswersServiceUnavailableProblem() {
        ValidatableResponse response = given().header("Authorization", TOKEN)
                .body("{}").contentType("application/json")
                .when().post("/api/watch/watchlists").then();
        assertProblem(response, 503, "/api/watch/watchlists")
                .body("detail", containsString("watch"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at io.")));
    }

    @Test
    void healthAndMetricsStayServedByTheGateway() throws Exception {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // ready although watch is down, and says so
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.watch", startsWith("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.accounts", startsWith("UP"));

        given().header("Authorization", TOKEN).when().get("/api/accounts/official/99").then().statusCode(200);
        assertNotNull(upstream.take());
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/accounts/*\""))
                .body(containsString("vigie_gateway_requests_seconds_bucket{"))
                .body(containsString("status_class=\"2xx\""))
                .body(not(containsString("uri=\"/api/accounts/official/99\"")));
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status, String instance) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", startsWith("https://vigie.cm/problems/"))
                .body("title", not(equalTo(null)))
                .body("status", equalTo(status))
                .body("detail", not(equalTo(null)))
                .body("instance", equalTo(instance));
    }

    private static ValidatableResponse assertProblem(io.restassured.response.Response response, int status,
            String instance) {
        return assertProblem(response.then(), status, instance);
    }
}
