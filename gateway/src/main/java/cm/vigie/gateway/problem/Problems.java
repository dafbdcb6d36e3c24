package cm.vigie.gateway.problem;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * RFC 9457 problem documents written by the gateway itself (no route, upstream unreachable).
 * Problems that come from a service pass through untouched.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    /**
     * A problem of type {@code about:blank}, whose title is the status phrase as RFC 9457 asks.
     *
     * @param detail human-readable; never an exception message or a class name
     * @param instance the request path
     */
    public static Buffer body(int status, String detail, String instance) {
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem.toBuffer();
    }
}
