package cm.vigie.plan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.UUID;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** watch-service as plan-service reads it (paths documented in docs/adr/0011-plan-service.md). */
public final class WatchStubs {

    private WatchStubs() {
    }

    public static UUID alert(String severity, UUID watchlistId, UUID hoaxId) {
        UUID id = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlEqualTo("/api/watch/alerts/" + id)).willReturn(json(200, """
                {"id":"%s","rule":"HOAX","severity":"%s","status":"OPEN","watchlistId":%s,"hoaxId":%s,"mentionCount":57}"""
                .formatted(id, severity, quoted(watchlistId), quoted(hoaxId)))));
        return id;
    }

    public static UUID hoax() {
        UUID id = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlEqualTo("/api/watch/hoaxes/" + id)).willReturn(json(200, """
                {"id":"%s","claims":["Le vaccin HPV rend stérile"],"verdict":"FALSE"}""".formatted(id))));
        return id;
    }

    public static void missing(String path) {
        PlanTestResource.stubs().stubFor(get(urlEqualTo(path)).willReturn(json(404, "{\"status\":404}")));
    }

    /** A daily volume series whose counts add up to {@code total}, for any window unless {@code from} is given. */
    public static void volume(String path, String key, UUID id, String from, long total) {
        MappingBuilder stub = get(urlPathEqualTo(path)).withQueryParam(key,
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(id.toString()));
        if (from != null) {
            stub = stub.withQueryParam("from", com.github.tomakehurst.wiremock.client.WireMock.equalTo(from));
        }
        long first = total / 2;
        PlanTestResource.stubs().stubFor(stub.willReturn(json(200, """
                {"interval":"DAY","timeZone":"Africa/Douala","series":[{"id":"%s","name":"stub","total":%d,
                "points":[{"start":"2027-01-10T00:00:00+01:00","count":%d},{"start":"2027-01-11T00:00:00+01:00","count":%d}]}]}"""
                .formatted(id, total, first, total - first))));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String quoted(UUID id) {
        return id == null ? "null" : "\"" + id + "\"";
    }

}
