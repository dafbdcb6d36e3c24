package cm.vigie.gateway.balancing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.gateway.proxy.ProxyRoutes;
import cm.vigie.gateway.routing.RouteTable.Instance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The gateway balances across the instances of a service and skips a dead one, without replaying a POST. */
@QuarkusTest
@WithTestResource(ReplicatedUpstreams.class)
@WithTestResource(TestIdentityProviderResource.class)
class BalancingTest {

    @Inject
    ProxyRoutes proxy;

    @Test
    void requestsTakeTurnsOverTheInstances() {
        ReplicatedUpstreams.A.reset();
        ReplicatedUpstreams.B.reset();
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            String body = given().get("/api/two/items").then().statusCode(200).extract().asString();
            answers.merge(body, 1, Integer::sum);
        }
        assertEquals(Map.of("a", 5, "b", 5), answers);
    }

    @Test
    void aRefusedConnectionGoesToAnotherInstanceEvenForAPostAndTheDeadOneIsEjected() {
        ReplicatedUpstreams.A.reset();
        for (int i = 0; i < 6; i++) {
            Response post = given().contentType("application/json").body("{\"n\":" + i + "}").post("/api/pair/items");
            assertEquals(200, post.statusCode(), "refused before it reached the service: safe to send elsewhere");
            assertEquals("a", post.asString());
        }
        assertEquals(6, ReplicatedUpstreams.A.received(), "each POST reached the live instance exactly once");
        Instance dead = proxy.table().upstreams().get("pair").instances().get(0);
        assertTrue(proxy.balancers().get("pair").isEjected(dead));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aPostThatReachedAnInstanceIsNeverSentAgainButAGetIs() {
        ReplicatedUpstreams.B.reset();
        Balancer balancer = proxy.balancers().get("dropping");
        Instance dropping = proxy.table().upstreams().get("dropping").instances().get(0);
        balancer.answered(dropping);
        int before = ReplicatedUpstreams.DROPPING.connections();
        int posted = 0;
        int postFailures = 0;
        // turn by turn, some POSTs land on the dropping instance first: those answer 502 and are not replayed
        for (int i = 0; i < 4; i++) {
            balancer.answered(dropping);
            Response post = given().contentType("application/json").body("{}").post("/api/dropping/items");
            if (post.statusCode() == 502) {
                postFailures++;
            } else {
                assertEquals(200, post.statusCode());
                posted++;
            }
        }
        int reachedDropping = ReplicatedUpstreams.DROPPING.connections() - before;
        assertEquals(reachedDropping, postFailures, "a POST the dropping instance read is answered 502, not replayed");
        assertTrue(postFailures >= 1);
        assertEquals(posted, ReplicatedUpstreams.B.received(), "no POST reached two instances");

        ReplicatedUpstreams.B.reset();
        for (int i = 0; i < 4; i++) {
            balancer.answered(dropping);
            given().get("/api/dropping/items").then().statusCode(200);
        }
        assertEquals(4, ReplicatedUpstreams.B.received(), "a GET dropped by one instance is answered by another");
    }
}
