package cm.vigie.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class AccessLogTest {

    @Test
    void oneJsonLineWithTheRequestFacts() {
        String line = AccessLog.line(new RequestRecord("req-12345678", "GET", "/api/accounts/official", "/api/accounts",
                "accounts", "minsante", 200, 1_234_567));
        assertTrue(!line.contains("\n"));
        JsonObject json = new JsonObject(line);
        assertEquals("req-12345678", json.getString("requestId"));
        assertEquals("minsante", json.getString("institution"));
        assertEquals("/api/accounts", json.getString("route"));
        assertEquals(200, json.getInteger("status"));
        assertEquals(1.23, json.getDouble("durationMs"));
        assertEquals(8, json.size(), "nothing else: no header, no query string, so never a token");
    }

    @Test
    void theSecretOfACalendarLinkIsMasked() {
        String line = AccessLog.line(new RequestRecord("req-1", "GET", "/api/plans/calendar/feeds/Zk3q-9_x.ics", "/api/plans",
                "plan", null, 200, 1_000));
        assertEquals("/api/plans/calendar/feeds/***.ics", new JsonObject(line).getString("path"));
        assertTrue(!line.contains("Zk3q-9_x"), line);
        assertEquals("/api/plans/calendar/feeds", AccessLog.masked("/api/plans/calendar/feeds"));
        assertEquals("/api/plans/calendar.ics", AccessLog.masked("/api/plans/calendar.ics"));
    }

    @Test
    void anyPathIsWrittenAsValidJson() {
        String path = "/api/accounts/a\"b\\c\u0001d\te\u2028f/é";
        String line = AccessLog.line(new RequestRecord("req-2", "GET", path, "/api/accounts", "accounts", null, 404,
                9_996_000));
        assertTrue(!line.contains("\n") && !line.contains("\u2028"), line);
        JsonObject json = new JsonObject(line);
        assertEquals(path, json.getString("path"));
        assertEquals(null, json.getString("institution"));
        assertEquals(10.0, json.getDouble("durationMs"));
        assertEquals(8, json.size());
    }
}
