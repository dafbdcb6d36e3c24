package cm.vigie.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

import cm.vigie.commons.problem.ProblemType;
import cm.vigie.gateway.balancing.Balancer;
import cm.vigie.gateway.edge.Correlation;
import cm.vigie.gateway.edge.HeaderRules;
import cm.vigie.gateway.problem.Problems;
import cm.vigie.gateway.resilience.CircuitBreaker;
import cm.vigie.gateway.routing.RouteTable.Instance;
import cm.vigie.gateway.routing.RouteTable.Upstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;

/**
 * One request forwarded to one upstream, streamed both ways: the request body goes out chunk by chunk as it arrives
 * (with back-pressure) and the response body comes back the same way, so large bodies are never held whole and
 * Server-Sent Events flow unbuffered for as long as either side keeps the connection.
 *
 * <p>The read timeout covers the wait for the response headers after the request is sent, not the body: a stream
 * may stay idle. GET and HEAD without a body are retried once when the upstream refused or dropped the connection
 * before answering, on another instance when the service has several. Any request whose connection could not even be
 * opened (it never reached the service) goes to another instance, if one is left untried. Nothing else is retried: a
 * POST that may have reached a service never is, nor is a timeout (a slow service is not made faster by more load,
 * and the caller's deadline would double). An instance that refused or dropped a connection is ejected for a while
 * ({@link Balancer}).
 */
final class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);
    // header names hashed once, not per request
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");

    /** What the exchange needs to know about its upstream. */
    record Target(Upstream upstream, Balancer balancer, CircuitBreaker breaker, long connectTimeoutMs, long readTimeoutMs,
            boolean stream) {
    }

    private final Vertx vertx;
    private final Supplier<HttpClient> clients;
    private final Supplier<HttpClient> streamClients;
    private final long maxBodyBytes;
    private final long bodyTimeoutMs;

    /**
     * @param clients the HTTP client to use from the calling thread
     * @param streamClients the same for streams, whose pools are apart
     * @param bodyTimeoutMs time a request body has to arrive whole once forwarding starts (0: unbounded)
     */
    Forwarder(Vertx vertx, Supplier<HttpClient> clients, Supplier<HttpClient> streamClients, long maxBodyBytes,
            long bodyTimeoutMs) {
        this.vertx = vertx;
        this.clients = clients;
        this.streamClients = streamClients;
        this.maxBodyBytes = maxBodyBytes;
        this.bodyTimeoutMs = bodyTimeoutMs;
    }

    /** @param client the real client's address, sent on as {@code X-Forwarded-For} */
    void forward(HttpServerRequest in, Target target, String requestId, String traceparent, String client) {
        new Exchange(in, target, requestId, traceparent, client).start();
    }

    private final class Exchange {
        private final HttpServerRequest in;
        private final Target target;
        private final String requestId;
        private final String traceparent;
        private final boolean replayable;
        private final String client;
        /** Instances this exchange has tried, the current one last. */
        private final List<Instance> tried = new ArrayList<>(2);
        private Instance instance;
        private HttpClientRequest out;
        private long timer = -1;
        private long bodyTimer = -1;
        private long received;
        private boolean finished;

        Exchange(HttpServerRequest in, Target target, String requestId, String traceparent, String client) {
            this.in = in;
            this.client = client;
            this.target = target;
            this.requestId = requestId;
            this.traceparent = traceparent;
            this.replayable = (in.method() == HttpMethod.GET || in.method() == HttpMethod.HEAD) && !hasBody(in);
        }

        void start() {
            in.response().closeHandler(v -> clientLeft());
            attempt(target.balancer().choose(tried));
        }

        private void attempt(Instance chosen) {
            instance = chosen;
            tried.add(chosen);
            RequestOptions options = new RequestOptions()
                    .setMethod(in.method())
                    .setHost(chosen.host())
                    .setPort(chosen.port())
                    .setSsl(chosen.ssl())
                    .setURI(in.uri())
                    .setConnectTimeout(target.connectTimeoutMs())
                    .setFollowRedirects(false);
            (target.stream() ? streamClients : clients).get().request(options).onComplete(connected -> {
                if (finished) {
                    if (connected.succeeded()) {
                        connected.result().reset();
                    }
                    return;
                }
                if (connected.failed()) {
                    failed(connected.cause(), true);
                    return;
                }
                out = connected.result();
                prepare(out);
                out.response().onComplete(answer -> {
                    cancelTimer();
                    if (finished) {
                        return;
                    }
                    if (answer.failed()) {
                        failed(answer.cause(), false);
                    } else {
                        relay(answer.result());
                    }
                });
                sendBody();
            });
        }

        private void prepare(HttpClientRequest request) {
            HeaderRules.copyRequestHeaders(in.headers(), request.headers());
            HostAndPort authority = in.authority();
            if (authority != null) {
                request.authority(authority);
            }
            request.putHeader(Correlation.REQUEST_ID_NAME, requestId);
            request.putHeader(Correlation.TRACEPARENT_NAME, traceparent);
            String tracestate = in.getHeader(Correlation.TRACESTATE_NAME);
            if (tracestate != null && traceparent.equals(in.getHeader(Correlation.TRACEPARENT_NAME))) {
                request.putHeader(Correlation.TRACESTATE_NAME, tracestate);
            }
            if (client != null) {
                request.putHeader(X_FORWARDED_FOR, client);
            }
            request.putHeader(X_FORWARDED_PROTO, in.scheme() == null ? "http" : in.scheme());
            if (authority != null) {
                request.putHeader(X_FORWARDED_HOST, authority.toString());
            }
        }

        private void sendBody() {
            if (!hasBody(in)) {
                out.end();
                in.resume(); // lets the (empty) request end, so the client connection can be reused
                startTimer();
                return;
            }
            String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length == null) {
                out.setChunked(true);
            } else {
                out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            }
            in.handler(chunk -> {
                received += chunk.length();
                if (received > maxBodyBytes) {
                    tooLarge();
                    return;
                }
                out.write(chunk);
                if (out.writeQueueFull()) {
                    in.pause();
                    out.drainHandler(v -> in.resume());
                }
            });
            in.endHandler(v -> {
                cancelBodyTimer();
                if (!finished) {
                    out.end();
                    startTimer();
                }
            });
            if (bodyTimeoutMs > 0) {
                bodyTimer = vertx.setTimer(bodyTimeoutMs, id -> {
                    bodyTimer = -1;
                    if (!in.isEnded()) {
                        tooSlow();
                    }
                });
            }
            in.exceptionHandler(error -> clientLeft());
            in.resume();
        }

        private void relay(HttpClientResponse answer) {
            target.balancer().answered(instance);
            int status = answer.statusCode();
            if (status == 502 || status == 503 || status == 504) {
                target.breaker().onFailure();
            } else {
                target.breaker().onSuccess();
            }
            finished = true;
            HttpServerResponse response = in.response();
            response.setStatusCode(status);
            HeaderRules.copyResponseHeaders(answer.headers(), response.headers());
            response.putHeader(Correlation.REQUEST_ID_NAME, requestId);
            boolean bodyless = in.method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200;
            if (!bodyless && answer.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                response.setChunked(true);
            }
            String type = answer.getHeader(HttpHeaders.CONTENT_TYPE);
            if (target.stream() || (type != null && type.startsWith("text/event-stream"))) {
                // a stream's head goes out now, not with its first event (which may be a heartbeat 15 s later)
                response.writeHead();
            }
            answer.pipe().endOnFailure(true).to(response).onFailure(error -> {
                if (out != null) {
                    out.reset(0, error);
                }
            });
        }

        /** @param connecting the connection could not be opened: the request never reached the instance */
        private void failed(Throwable failure, boolean connecting) {
            boolean refused = causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class);
            boolean timedOut = causedBy(failure, TimeoutException.class) && !refused;
            if (refused || (!connecting && !timedOut)) {
                // refused, or dropped before answering: this instance is likely gone (a slow one is not ejected)
                target.balancer().eject(instance);
            }
            Instance next = null;
            if (connecting || (replayable && !timedOut)) {
                next = target.balancer().choose(tried);
                if (next == null && replayable && !timedOut && tried.size() == 1) {
                    next = instance; // one instance: a GET is retried once where it was
                }
            }
            if (next != null) {
                LOG.debugf("%s %s -> %s (%s): retrying on %s after %s", in.method(), in.path(), target.upstream().name(),
                        instance.url(), next.url(), failure.toString());
                out = null;
                attempt(next);
                return;
            }
            finished = true;
            target.breaker().onFailure();
            String name = target.upstream().name();
            LOG.warnf("%s %s -> %s (%s): %s", in.method(), in.path(), name, instance.url(), failure.toString());
            if (causedBy(failure, TimeoutException.class) && !causedBy(failure, ConnectException.class)) {
                Problems.send(in, ProblemType.GATEWAY_TIMEOUT, "gateway.timeout.detail", name);
            } else if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)) {
                Problems.send(in, ProblemType.UNAVAILABLE, "gateway.unavailable.detail", name);
            } else {
                Problems.send(in, ProblemType.BAD_GATEWAY, "gateway.bad-gateway.detail", name);
            }
        }

        private void tooLarge() {
            finished = true;
            cancelTimer();
            cancelBodyTimer();
            target.breaker().onAbandoned();
            if (out != null) {
                out.reset();
            }
            in.handler(null);
            HttpServerResponse response = in.response();
            if (!response.headWritten()) {
                // the rest of the body is never read: close the connection once the problem is sent
                response.putHeader(HttpHeaders.CONNECTION, "close");
                Problems.send(in, ProblemType.PAYLOAD_TOO_LARGE, "gateway.too-large.detail", maxBodyBytes)
                        .onComplete(v -> in.connection().close());
            } else {
                in.connection().close();
            }
        }

        /** The body did not arrive in time: the upstream exchange is dropped and the client's connection closed. */
        private void tooSlow() {
            boolean wasFinished = finished;
            finished = true;
            cancelTimer();
            if (!wasFinished) {
                target.breaker().onAbandoned();
            }
            if (out != null) {
                out.reset();
            }
            in.handler(null);
            HttpServerResponse response = in.response();
            if (!response.headWritten()) {
                response.putHeader(HttpHeaders.CONNECTION, "close");
                Problems.send(in, ProblemType.REQUEST_TIMEOUT, "gateway.slow-body.detail", bodyTimeoutMs / 1000.0)
                        .onComplete(v -> in.connection().close());
            } else {
                in.connection().close();
            }
        }

        private void cancelBodyTimer() {
            if (bodyTimer >= 0) {
                vertx.cancelTimer(bodyTimer);
                bodyTimer = -1;
            }
        }

        private void clientLeft() {
            if (!finished) {
                finished = true;
                target.breaker().onAbandoned();
            }
            cancelTimer();
            cancelBodyTimer();
            if (out != null) {
                out.reset();
            }
        }

        private void startTimer() {
            long timeout = target.readTimeoutMs();
            if (timeout > 0 && out != null) {
                HttpClientRequest request = out;
                timer = vertx.setTimer(timeout, id -> request.reset(0, new TimeoutException(
                        "no answer within " + timeout + " ms")));
            }
        }

        private void cancelTimer() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }
    }

    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
