package cm.vigie.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import cm.vigie.gateway.problem.Problems;
import cm.vigie.gateway.routing.RouteTable.Upstream;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Adds {@code X-Forwarded-*} headers on the way in and turns a failed upstream exchange into a
 * problem document, instead of the bare empty 502 that Vert.x HTTP proxy sends by default.
 * Everything else, {@code Authorization} included, passes unchanged.
 */
final class UpstreamInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamInterceptor.class);

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    private final Upstream upstream;

    UpstreamInterceptor(Upstream upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        addForwardedHeaders(context.request());
        return context.sendRequest()
                .recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    private static void addForwardedHeaders(ProxyRequest request) {
        HttpServerRequest incoming = request.proxiedRequest();
        MultiMap headers = request.headers();
        SocketAddress peer = incoming.remoteAddress();
        if (peer != null && peer.hostAddress() != null) {
            List<String> prior = headers.getAll(X_FORWARDED_FOR);
            headers.set(X_FORWARDED_FOR, prior.isEmpty()
                    ? peer.hostAddress()
                    : String.join(", ", prior) + ", " + peer.hostAddress());
        }
        headers.set(X_FORWARDED_PROTO, incoming.scheme() == null ? "http" : incoming.scheme());
        if (incoming.authority() != null) {
            headers.set(X_FORWARDED_HOST, incoming.authority().toString());
        }
    }

    private ProxyResponse problem(ProxyContext context, Throwable failure) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        int status;
        String detail;
        if (causedBy(failure, TimeoutException.class)) {
            status = 504;
            detail = "The " + upstream.name() + " service did not answer in time.";
        } else if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)) {
            status = 503;
            detail = "The " + upstream.name() + " service is unavailable. Try again later.";
        } else {
            status = 502;
            detail = "The " + upstream.name() + " service failed to answer.";
        }
        LOG.warnf("%s %s -> %s (%s): %d, %s", incoming.method(), incoming.path(), upstream.name(), upstream.url(),
                status, failure.toString());
        return context.request()
                .release() // drains the unread request body
                .response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE)
                .setBody(Body.body(Problems.body(status, detail, incoming.path())));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
