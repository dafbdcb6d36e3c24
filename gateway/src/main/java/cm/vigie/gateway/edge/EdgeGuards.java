package cm.vigie.gateway.edge;

import java.lang.reflect.Field;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;

import cm.vigie.gateway.config.GatewayConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;

/**
 * Puts a {@link ConnectionGuard} in front of every connection the gateway's HTTP server accepts.
 *
 * <p>Neither Quarkus nor the Vert.x HTTP server offer a hook on a connection before its first request is parsed (a
 * Vert.x connection handler is taken by Quarkus' own connection limit), and a slowloris client never gets that far.
 * So the guard is installed on the listening Netty channel: a handler ahead of the acceptor adds the guard first in
 * each accepted connection's pipeline, before Vert.x adds its HTTP codec behind it. This reads one private field of
 * Vert.x ({@code TCPServerBase.bindFuture}); if a Vert.x upgrade moves it, the guards are missing and EdgeLimitsTest fails.
 */
@ApplicationScoped
public class EdgeGuards {

    private static final Logger LOG = Logger.getLogger(EdgeGuards.class);
    private static final String ACCEPTOR = "vigie-edge-acceptor";

    private final GatewayConfig config;
    private final Vertx vertx;
    private final ConnectionGuard.Counts counts = new ConnectionGuard.Counts();

    public EdgeGuards(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void install(@ObservesAsync HttpServerStart start) {
        for (TCPServerBase server : ((VertxInternal) vertx).sharedHttpServers().values()) {
            listening(server).onSuccess(this::guard);
        }
    }

    private synchronized void guard(Channel listening) {
        if (listening != null && listening.pipeline().get(ACCEPTOR) == null) {
            listening.pipeline().addFirst(ACCEPTOR, new Acceptor());
            LOG.infof("Edge guards on %s: at most %d connections per client address, request headers within %s",
                    listening.localAddress(), config.edge().maxConnectionsPerAddress(), config.edge().headerTimeout());
        }
    }

    /** Open connections of a client address now (tests and diagnostics). */
    public int openConnections(String address) {
        return counts.of(address);
    }

    @ChannelHandler.Sharable
    private final class Acceptor extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel accepted) {
                accepted.pipeline().addFirst("vigie-edge-guard", new ConnectionGuard(counts,
                        config.edge().maxConnectionsPerAddress(), config.edge().headerTimeout().toMillis()));
            }
            ctx.fireChannelRead(msg);
        }
    }

    @SuppressWarnings("unchecked")
    static Future<Channel> listening(TCPServerBase server) {
        try {
            Field field = TCPServerBase.class.getDeclaredField("bindFuture");
            field.setAccessible(true);
            Future<Channel> bound = (Future<Channel>) field.get(server);
            if (bound == null) {
                throw new IllegalStateException("the HTTP server is not bound");
            }
            return bound;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot install the gateway's connection guards on this Vert.x version", e);
        }
    }
}
