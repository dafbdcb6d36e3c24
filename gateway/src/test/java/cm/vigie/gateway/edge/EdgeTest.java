package cm.vigie.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import cm.vigie.commons.testing.TestIdentityProvider;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.gateway.proxy.UpstreamResource;
import cm.vigie.gateway.proxy.UpstreamResource.InjectUpstream;
import cm.vigie.gateway.proxy.UpstreamStub;
import cm.vigie.gateway.proxy.UpstreamStub.Received;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Token checks, correlation and header hygiene, and rate limits at the edge. */
@QuarkusTest
@WithTestResource(UpstreamResource.class)
@WithTestResource(TestIdentityProviderResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeTest {

    @InjectUpstream
    UpstreamStub upstream;

    @BeforeEach
    void reset() {
        upstream.clear();
    }

    @Test
    @Order(1)
    void missingMalformedExpiredAndForeignTokensAre401ProblemsAndNothingIsProxied() throws Exception {
        String base = TestIdentityProvider.get().baseUrl();
        String[] refused = {
                null,
                "Bearer not-a-jwt",
                "Basic dXNlcjpwYXNz",
                "Bearer " + TestTokens.realm("minsante").issuedAt(Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(5)).sign(),
                "Bearer " + TestTokens.realm("minsante").issuer("https://evil.example/realms/minsante").sign(),
                "Bearer " + TestTokens.realm("nowhere").sign(),
                "Bearer " + TestTokens.realm("minsante").signedByRealm("mincom").sign(),
                "Bearer " + TestTokens.realm("minsante").issuer(base + "/realms/master").sign(),
                "Bearer " + TestTokens.realm("minsante").client("admin-cli").roles("community-manager").sign(),
                "Bearer " + TestTokens.realm("minsante").client("account-console").roles("community-manager").sign(),
                "Bearer " + TestTokens.realm("minsante").client(null).roles("community-manager").sign(),
                "Bearer " + TestTokens.realm("platform").client("admin-cli").roles("platform-admin").sign(),
        };
        for (String authorization : refused) {
            var request = given().header("Accept-Language", "fr");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.when().get("/api/accounts/official").then()
                    .statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .header("X-Request-Id", not(nullValue()))
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://vigie.cm/problems/unauthenticated"))
                    .body("code", equalTo("UNAUTHENTICATED"))
                    .body("status", equalTo(401))
                    .body("title", equalTo("Authentification requise"))
                    .body("instance", equalTo("/api/accounts/official"));
        }
        assertNull(upstream.poll(300), "nothing may reach a service without a valid token");
        given().header("Accept-Language", "fr-CM, en;q=0.5").when().get("/api/plans").then().statusCode(401)
                .body("detail", equalTo("Un jeton bearer valide d'un royaume Vigie est requis."));
        given().header("Authorization", "Bearer x.y.z").when().get("/api/plans").then().statusCode(401)
                .body("title", equalTo("Authentication required"))
                .body("detail", equalTo("The bearer token is malformed, expired, or not issued by a Vigie realm to a Vigie client."));
    }

    @Test
    @Order(2)
    void aValidTokenIsForwardedUnchangedWithCorrelationHeadersAndWithoutInternalOrHopByHopHeaders() throws Exception {
        String token = TestTokens.bearer("mincom", "analyst", "analyst");
        Response response = given()
                .header("Authorization", token)
                .header("X-Vigie-Service-Key", "guessed")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("Forwarded", "for=6.6.6.6")
                .header("Connection", "X-Drop-Me")
                .header("X-Drop-Me", "1")
                .header("X-Request-Id", "bad id with spaces")
                .header("X-Kept", "yes")
                .when().get("/api/accounts/official");
        response.then().statusCode(200);
        Received r = upstream.take();
        assertEquals(token, r.header("Authorization"));
        assertEquals("yes", r.header("X-Kept"));
        assertNull(r.header("X-Vigie-Service-Key"));
        assertNull(r.header("X-Drop-Me"));
        assertNull(r.header("Forwarded"));
        assertEquals("127.0.0.1", r.header("X-Forwarded-For"));
        String requestId = response.header("X-Request-Id");
        assertNotNull(requestId);
        assertTrue(requestId.matches("[0-9a-f-]{36}"), requestId);
        assertEquals(requestId, r.header("X-Request-Id"));
        assertTrue(Correlation.validTraceparent(r.header("traceparent")), r.header("traceparent"));
    }

    @Test
    @Order(3)
    void aWellFormedRequestIdAndTraceparentAreKept() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().header("Authorization", TestTokens.bearer("minsante", "viewer", "viewer"))
                .header("X-Request-Id", "client-req-12345")
                .header("traceparent", traceparent)
                .header("tracestate", "vendor=1")
                .when().get("/api/plans/1")
                .then().statusCode(200).header("X-Request-Id", "client-req-12345");
        Received r = upstream.take();
        assertEquals("client-req-12345", r.header("X-Request-Id"));
        assertEquals(traceparent, r.header("traceparent"));
        assertEquals("vendor=1", r.header("tracestate"));
    }

    @Test
    @Order(4)
    void publicRoutesNeedNoToken() throws Exception {
        given().when().get("/api/public/verify?platform=FACEBOOK&handle=minsante").then().statusCode(200)
                .header("RateLimit-Limit", "4");
        assertEquals("/api/public/verify?platform=FACEBOOK&handle=minsante", upstream.take().uri());
        // the Meta webhook route is public too: here watch is down, so 503, not 401
        given().when().get("/api/watch/sources/3f1c/meta-webhook?hub.mode=subscribe").then().statusCode(503);
        given().when().get("/api/watch/sources/3f1c/other").then().statusCode(401);
    }

    @Test
    @Order(5)
    void publicRoutesAreLimitedPerClientAddress() {
        ValidatableResponse limited = null;
        for (int i = 0; i < 6 && limited == null; i++) {
            Response response = given().when().get("/api/public/verify");
            if (response.statusCode() == 429) {
                limited = response.then();
            }
        }
        assertNotNull(limited, "the public budget (burst 4) runs out");
        assertTooMany(limited, "4");
    }

    @Test
    @Order(6)
    void anInstitutionIsLimitedByItsOwnBudgetWithRateLimitHeaders() {
        TestIdentityProvider.get().institution(UpstreamResource.LIMITED_INSTITUTION, "ACTIVE");
        String token = TestTokens.bearer(UpstreamResource.LIMITED_INSTITUTION, "cm", "community-manager");
        firstAcceptedCall(token).then().statusCode(200)
                .header("RateLimit-Limit", "2").header("RateLimit-Remaining", "1");
        given().header("Authorization", token).when().get("/api/accounts/official").then().statusCode(200)
                .header("RateLimit-Remaining", "0");
        assertTooMany(given().header("Authorization", token).header("Accept-Language", "en")
                .when().get("/api/accounts/official").then(), "2");
        // another institution keeps its own budget
        given().header("Authorization", TestTokens.bearer("mincom", "cm", "community-manager"))
                .when().get("/api/accounts/official").then().statusCode(200);
    }

    /**
     * A just-registered institution is known once the directory reloads, which it does at most every 2 s: refused
     * calls (401) spend no budget, so the first accepted one is the first counted.
     */
    private static io.restassured.response.Response firstAcceptedCall(String token) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            io.restassured.response.Response response = given().header("Authorization", token).when().get("/api/accounts/official");
            if (response.statusCode() != 401 || System.nanoTime() > deadline) {
                return response;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    private static void assertTooMany(ValidatableResponse response, String limit) {
        response.statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://vigie.cm/problems/too-many-requests"))
                .body("code", equalTo("RATE_LIMITED"))
                .body("detail", containsString("try again"))
                .header("Retry-After", not(nullValue()))
                .header("RateLimit-Limit", limit)
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", not(nullValue()));
        assertTrue(Long.parseLong(response.extract().header("Retry-After")) >= 1);
    }
}
