package cm.vigie.gateway.edge;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cm.vigie.commons.problem.Messages;
import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemResponses;
import cm.vigie.commons.problem.ProblemType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.json.Json;

/**
 * The first handler of every client connection, in front of the HTTP codec, so it sees connections that never make a
 * request: it caps the open connections of one client address and bounds the time a connection may take to send the
 * headers of its first request (slowloris). Over either, the client gets a problem (429 or 408) and the connection is
 * closed. The body of a request is bounded later, by the proxy, and kept-alive connections by the idle timeout.
 *
 * <p>The address is the TCP peer: behind a trusted edge proxy, that proxy's own limits hold per real client.
 */
final class ConnectionGuard extends ChannelInboundHandlerAdapter {

    /** Open connections per peer address, shared by every connection's guard. */
    static final class Counts {
        private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

        int increment(String address) {
            // inside compute, so that a concurrent decrement cannot drop the entry between lookup and increment
            return open.compute(address, (a, count) -> {
                AtomicInteger c = count == null ? new AtomicInteger() : count;
                c.incrementAndGet();
                return c;
            }).get();
        }

        void decrement(String address) {
            open.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
        }

        int of(String address) {
            AtomicInteger count = open.get(address);
            return count == null ? 0 : count.get();
        }
    }

    private static final byte[] END_OF_HEADERS = { '\r', '\n', '\r', '\n' };
    private static final int LANGUAGE_WINDOW = 8192;

    private final Counts counts;
    private final int maxPerAddress;
    private final long headerTimeoutMs;
    private String address;
    private boolean counted;
    private boolean refused;
    private boolean headersDone;
    private int matched;
    private ScheduledFuture<?> headerTimer;
    /** The first bytes of the headers, to answer a late client in its language. */
    private final StringBuilder seen = new StringBuilder();

    ConnectionGuard(Counts counts, int maxPerAddress, long headerTimeoutMs) {
        this.counts = counts;
        this.maxPerAddress = maxPerAddress;
        this.headerTimeoutMs = headerTimeoutMs;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress peer && peer.getAddress() != null) {
            address = peer.getAddress().getHostAddress();
            counted = true;
            if (maxPerAddress > 0 && counts.increment(address) > maxPerAddress) {
                refuse(ctx, ProblemType.TOO_MANY_REQUESTS, "gateway.too-many-connections.detail", maxPerAddress);
                ctx.fireChannelActive();
                return;
            }
        }
        if (headerTimeoutMs > 0) {
            headerTimer = ctx.executor().schedule(() -> {
                if (!headersDone && !refused) {
                    refuse(ctx, ProblemType.REQUEST_TIMEOUT, "gateway.slow-headers.detail", headerTimeoutMs / 1000.0);
                }
            }, headerTimeoutMs, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!headersDone && msg instanceof ByteBuf bytes) {
            scan(bytes);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelTimer();
        if (counted) {
            counted = false;
            counts.decrement(address);
        }
        ctx.fireChannelInactive();
    }

    private void scan(ByteBuf bytes) {
        for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
            byte b = bytes.getByte(i);
            if (seen.length() < LANGUAGE_WINDOW) {
                seen.append((char) (b & 0xFF));
            }
            matched = b == END_OF_HEADERS[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == END_OF_HEADERS.length) {
                headersDone = true;
                cancelTimer();
                seen.setLength(0);
                return;
            }
        }
    }

    private void refuse(ChannelHandlerContext ctx, ProblemType type, String detailKey, Object arg) {
        refused = true;
        cancelTimer();
        Locale locale = language();
        Problem problem = ProblemResponses.problem(type, locale, "/", List.of(), detailKey, arg);
        byte[] body = Json.encode(problem).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + type.status() + (type.status() == 408 ? " Request Timeout" : " Too Many Requests")
                + "\r\nContent-Type: " + Problem.MEDIA_TYPE + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        ByteBuf response = Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private Locale language() {
        String headers = seen.toString().toLowerCase(Locale.ROOT);
        int at = headers.indexOf("\naccept-language:");
        if (at < 0) {
            return Messages.ENGLISH;
        }
        int end = headers.indexOf('\r', at + 1);
        String value = headers.substring(at + "\naccept-language:".length(), end < 0 ? headers.length() : end).strip();
        return value.startsWith("fr") ? Locale.FRENCH : Messages.ENGLISH;
    }

    private void cancelTimer() {
        if (headerTimer != null) {
            headerTimer.cancel(false);
            headerTimer = null;
        }
    }
}
