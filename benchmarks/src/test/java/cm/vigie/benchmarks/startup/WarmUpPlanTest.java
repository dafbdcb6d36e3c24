package cm.vigie.benchmarks.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WarmUpPlanTest {

    private static final String BASE = "http://127.0.0.1:8081";
    private static final List<String> READERS = List.of("Bearer r1", "Bearer r2", "Bearer r3");

    @Test
    void accountsCreateOneInFourWithUniqueHandlesAndListTheRest() throws Exception {
        WarmUpPlan plan = WarmUpPlan.accounts(BASE, "Bearer w", READERS, "accounts-r1");
        Set<String> handles = new HashSet<>();
        int creates = 0;
        for (int i = 0; i < 1000; i++) {
            HttpRequest request = plan.request(i);
            assertTrue(request.headers().firstValue("Authorization").isPresent());
            if (request.method().equals("POST")) {
                creates++;
                assertEquals(BASE + "/api/accounts/official", request.uri().toString());
                assertEquals("Bearer w", request.headers().firstValue("Authorization").orElseThrow());
                JsonNode body = new ObjectMapper().readTree(body(request));
                assertEquals("FACEBOOK", body.get("platform").asText());
                assertTrue(handles.add(body.get("handle").asText()), "handle repeated: " + body);
                assertEquals("https://www.facebook.com/" + body.get("handle").asText(), body.get("url").asText());
            } else {
                assertEquals("GET", request.method());
                assertEquals(BASE + "/api/accounts/official?page=0&size=20", request.uri().toString());
            }
        }
        assertEquals(250, creates);
    }

    @Test
    void meReadsWithEveryReaderInTurn() {
        WarmUpPlan plan = WarmUpPlan.me(BASE, WarmUpPlan.WATCH_ME, READERS);
        List<String> used = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpRequest request = plan.request(i);
            assertEquals("GET", request.method());
            assertEquals(BASE + "/api/watch/me", request.uri().toString());
            used.add(request.headers().firstValue("Authorization").orElseThrow());
        }
        assertEquals(READERS, used);
    }

    @Test
    void gatewaySendsTheSameKindsOfRequestsToEachService() {
        WarmUpPlan plan = WarmUpPlan.gateway("http://127.0.0.1:8080", "Bearer w", READERS, "gateway-r1");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpRequest request = plan.request(i);
            seen.add(request.method() + " " + request.uri().getPath());
        }
        assertEquals(List.of("POST /api/accounts/official", "GET /api/accounts/official", "GET /api/watch/me",
                "GET /api/plans/me"), seen);
        assertEquals("bench-gateway-r1-0", WarmUpPlan.handle("gateway-r1", 0));
    }

    private static String body(HttpRequest request) {
        StringBuilder text = new StringBuilder();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                text.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public void onError(Throwable throwable) {
                throw new AssertionError(throwable);
            }

            @Override
            public void onComplete() {
            }
        });
        return text.toString();
    }
}
